// The analysis and reader entry points of the JS API (conversions live in marshal.hpp; features
// bind in their own src/wasm/bind_*.cpp). Nothing throws across the boundary: every entry point
// runs inside guarded().
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>

#include "core/labelscope.hpp"
#include "io/dataset_reader.hpp"
#include "wasm/marshal.hpp"

using emscripten::val;
using namespace labelscope;
using namespace labelscope::wasm;

namespace {

// ---- analysis options and records ----------------------------------------------------------------

CountMatrix count_matrix(const val& rows) {
    const auto k = rows["length"].as<std::size_t>();
    CountMatrix m(k, k, 0);
    for (std::size_t r = 0; r < k; ++r) {
        if (rows[r]["length"].as<std::size_t>() != k)
            throw LabelScopeError(ErrorCode::invalid_option, "confidentJoint must be a square K x K matrix.");
        for (std::size_t c = 0; c < k; ++c) m(r, c) = static_cast<std::int64_t>(rows[r][c].as<double>());
    }
    return m;
}

// Options of find_label_issues in the JS API's camelCase, with cleanlab's value names.
struct FindOptions {
    FindIssuesOptions find;
    CountMatrix joint;
};
FindOptions find_options(const val& o) {
    FindOptions f;
    f.find.filter_by = parse_filter_by(str(o, "filterBy", "prune_by_noise_rate"));
    f.find.frac_noise = num(o, "fracNoise", 1.0);
    f.find.min_examples_per_class = static_cast<std::int64_t>(num(o, "minExamplesPerClass", 1));
    f.find.num_to_remove_per_class = int_list(o, "numToRemovePerClass");
    if (has(o, "confidentJoint")) {
        f.joint = count_matrix(o["confidentJoint"]);
        f.find.confident_joint = &f.joint;
    }
    return f;
}

std::optional<ScoreOptions> rank_options(const val& o, const char* key, bool adjust) {
    if (!has(o, key) || o[key].as<std::string>() == "none") return std::nullopt;
    return ScoreOptions{parse_score_method(o[key].as<std::string>()), adjust};
}

val class_quality_out(const std::vector<ClassQuality>& rows_in) {
    val a = val::array();
    for (std::size_t i = 0; i < rows_in.size(); ++i) {
        const ClassQuality& q = rows_in[i];
        val r = val::object();
        r.set("classIndex", q.class_index);
        r.set("labelIssues", static_cast<double>(q.label_issues));
        r.set("inverseLabelIssues", static_cast<double>(q.inverse_label_issues));
        r.set("labelNoise", q.label_noise);
        r.set("inverseLabelNoise", q.inverse_label_noise);
        r.set("labelQualityScore", q.label_quality_score);
        a.set(i, r);
    }
    return a;
}

// One typed array per field; src/js/records.js makes the objects (four property sets per pair,
// 4,950 pairs at K = 100, each call through Emscripten's exception trampolines).
val overlaps_out(const std::vector<ClassOverlap>& pairs) {
    const std::size_t n = pairs.size();
    std::vector<std::int32_t> class_a(n), class_b(n);
    std::vector<double> count(n), joint(n);
    for (std::size_t i = 0; i < n; ++i) {
        class_a[i] = pairs[i].class_a;
        class_b[i] = pairs[i].class_b;
        count[i] = static_cast<double>(pairs[i].num_overlapping_examples);
        joint[i] = pairs[i].joint_probability;
    }
    val columns = val::object();
    columns.set("classA", out(class_a));
    columns.set("classB", out(class_b));
    columns.set("numOverlappingExamples", out(count));
    columns.set("jointProbability", out(joint));
    return columns;
}

val latent_out(val o, const LatentEstimates& l) {
    o.set("py", list(l.py));
    o.set("noiseMatrix", rows(l.noise_matrix));
    o.set("inverseNoiseMatrix", rows(l.inverse_noise_matrix));
    return o;
}

// ---- the analysis entry points, on any labels/probabilities views --------------------------------

template <class T>
val find_issues_on(LabelsView y, ProbsView<T> p, const val& o) {
    // One validation pass and one set of thresholds for the flags, the ranking and the warnings.
    Warnings warnings = validate_inputs(y, p);
    FindOptions f = find_options(o);
    validate_find_options(f.find, p.cols);
    const auto rank = rank_options(o, "returnIndicesRankedBy", flag(o, "adjustPredProbs", false));
    if (rank) validate_score_options(*rank);
    const std::vector<std::int64_t> counts = label_counts(y, p.cols);
    const Warnings method_warnings = find_issues_warnings(counts, f.find);
    warnings.insert(warnings.end(), method_warnings.begin(), method_warnings.end());
    const std::vector<double> thresholds = confident_thresholds(y, p);
    const Mask mask = find_label_issues_from(y, p, f.find, counts, compute_confident_joint(y, p, thresholds));
    IndexList indices = mask_to_indices(mask);
    if (rank) sort_by_score(indices, label_quality_scores(y, p, *rank, thresholds));
    val r = val::object();
    r.set("mask", out(mask));
    r.set("indices", out(indices));
    r.set("warnings", warnings_out(warnings));
    return r;
}

template <class T>
val scores_on(LabelsView y, ProbsView<T> p, const val& o) {
    const Warnings warnings = validate_inputs(y, p, ValidationOptions{false});
    const ScoreOptions s{parse_score_method(str(o, "method", "self_confidence")), flag(o, "adjustPredProbs", false)};
    val r = val::object();
    r.set("scores", out(get_label_quality_scores(y, p, s)));
    r.set("warnings", warnings_out(warnings));
    return r;
}

template <class T>
val confident_joint_on(LabelsView y, ProbsView<T> p, const val& o) {
    const ConfidentJoint cj = compute_confident_joint(y, p);
    val r = val::object();
    r.set("confidentJoint", rows(flag(o, "calibrate", true) ? cj.calibrated : cj.uncalibrated));
    r.set("thresholds", list(confident_thresholds(y, p)));
    r.set("offDiagonal", out(cj.off_diagonal));
    return r;
}

template <class T>
val latent_on(LabelsView y, ProbsView<T> p, const val& o) {
    const NoiseEstimates e = estimate_py_and_noise_matrices_from_probabilities(
        y, p, parse_py_method(str(o, "pyMethod", "cnt")), flag(o, "convergeLatentEstimates", true),
        flag(o, "calibrate", true));
    val r = latent_out(val::object(), e);
    r.set("confidentJoint", rows(e.confident_joint));
    return r;
}

template <class T>
val num_issues_on(LabelsView y, ProbsView<T> p, const val& o) {
    CountMatrix custom;
    if (has(o, "confidentJoint")) custom = count_matrix(o["confidentJoint"]);
    const auto n = num_label_issues(y, p, parse_estimation_method(str(o, "estimationMethod", "off_diagonal")),
                                    has(o, "confidentJoint") ? &custom : nullptr);
    val r = val::object();
    r.set("numLabelIssues", static_cast<double>(n));
    return r;
}

template <class T>
val health_on(LabelsView y, ProbsView<T> p, const val& o) {
    const HealthSummary h = health_summary(y, p, flag(o, "asymmetric", false));
    val r = val::object();
    r.set("overallLabelHealthScore", h.overall_label_health_score);
    r.set("joint", rows(h.joint));
    r.set("classesByLabelQuality", class_quality_out(h.classes_by_label_quality));
    r.set("overlappingClasses", overlaps_out(h.overlapping_classes));
    return r;
}

template <class T>
val ood_on(LabelsView y, ProbsView<T> p, const val& o, bool have_labels) {
    OodOptions opts;
    opts.method = parse_ood_method(str(o, "method", "entropy"));
    opts.adjust_pred_probs = flag(o, "adjustPredProbs", true);
    val r = val::object();
    r.set("scores", out(out_of_distribution_scores(p, have_labels ? &y : nullptr, opts)));
    return r;
}

AuditOptions audit_options(const val& o) {
    AuditOptions a;
    FindOptions f = find_options(o);
    a.find = f.find;
    a.rank_by = rank_options(o, "rankBy", flag(o, "adjustPredProbs", false));
    if (!has(o, "rankBy")) a.rank_by = ScoreOptions{ScoreMethod::self_confidence, flag(o, "adjustPredProbs", false)};
    a.asymmetric_overlap = flag(o, "asymmetric", false);
    return a;
}

template <class T>
val report_out(const Report& rep, LabelsView y, ProbsView<T> p, const AuditOptions& a) {
    std::vector<double> given_prob(rep.num_examples), suggested_prob(rep.num_examples);
    for (std::size_t i = 0; i < rep.num_examples; ++i) {
        given_prob[i] = p(i, static_cast<std::size_t>(y[i]));
        suggested_prob[i] = p(i, static_cast<std::size_t>(rep.suggested_label[i]));
    }
    val r = val::object();
    r.set("numExamples", static_cast<double>(rep.num_examples));
    r.set("numClasses", static_cast<double>(rep.num_classes));
    r.set("filterBy", std::string(to_string(a.find.filter_by)));
    r.set("rankBy", a.rank_by ? std::string(to_string(a.rank_by->method)) : std::string("none"));
    r.set("issues", out(rep.issues));
    r.set("isLabelIssue", out(rep.is_label_issue));
    r.set("labelQuality", out(rep.label_quality));
    r.set("suggestedLabel", out(rep.suggested_label));
    r.set("confidentJointLabel", out(rep.confident_joint_label));
    r.set("predictedLabel", out(rep.predicted_label));
    r.set("givenProbability", out(given_prob));
    r.set("suggestedProbability", out(suggested_prob));
    r.set("labelCounts", list(rep.label_counts));
    r.set("thresholds", list(rep.thresholds));
    r.set("confidentJoint", rows(rep.confident_joint));
    r.set("confidentJointUncalibrated", rows(rep.confident_joint_uncalibrated));
    r.set("joint", rows(rep.joint));
    latent_out(r, rep.latent);
    r.set("numLabelIssues", static_cast<double>(rep.num_label_issues));
    r.set("healthScore", rep.health_score);
    r.set("classQuality", class_quality_out(rep.class_quality));
    r.set("overlappingClasses", overlaps_out(rep.overlapping_classes));
    r.set("warnings", warnings_out(rep.warnings));
    return r;
}

template <class T>
val audit_on(LabelsView y, ProbsView<T> p, const val& o) {
    const AuditOptions a = audit_options(o);
    return report_out(audit(y, p, a), y, p, a);
}

// ---- arrays handed in from JS ---------------------------------------------------------------------

// labels: Int32Array, or null/undefined (none).
std::vector<std::int32_t> labels_in(const val& labels) {
    if (labels.isNull() || labels.isUndefined()) return {};
    return copy_in<std::int32_t>(labels);
}

// probs: a flat row-major N x k typed array; returns its length.
std::size_t check_probs_shape(const val& probs, std::size_t k) {
    const auto count = probs["length"].as<std::size_t>();
    if (k == 0 || count % k != 0)
        throw LabelScopeError(ErrorCode::invalid_option, "predProbs has " + std::to_string(count) +
                                                             " values, not a multiple of numClasses (" +
                                                             std::to_string(k) + ").");
    return count;
}

// labels: Int32Array; probs: Float64Array or Float32Array, row-major N x k.
template <class F>
val with_arrays(const val& labels, const val& probs, std::size_t k, F&& body) {
    return guarded([&]() -> val {
        const std::vector<std::int32_t> y = labels_in(labels);
        const std::size_t count = check_probs_shape(probs, k);
        const LabelsView yv{y.data(), y.size()};
        if (probs.instanceof(val::global("Float32Array"))) {
            const std::vector<float> p = copy_in<float>(probs);
            return body(yv, ProbsView<float>{p.data(), count / k, k});
        }
        const std::vector<double> p = copy_in<double>(probs);
        return body(yv, ProbsView<double>{p.data(), count / k, k});
    });
}

#define ARRAY_ENTRY(name, fn)                                                                           \
    val name(val labels, val probs, std::size_t k, val o) {                                            \
        return with_arrays(labels, probs, k, [&](LabelsView y, auto p) { return fn(y, p, o); });       \
    }
ARRAY_ENTRY(find_issues_arrays, find_issues_on)
ARRAY_ENTRY(scores_arrays, scores_on)
ARRAY_ENTRY(confident_joint_arrays, confident_joint_on)
ARRAY_ENTRY(latent_arrays, latent_on)
ARRAY_ENTRY(num_issues_arrays, num_issues_on)
ARRAY_ENTRY(health_arrays, health_on)
ARRAY_ENTRY(audit_arrays, audit_on)
#undef ARRAY_ENTRY

val ood_arrays(val labels, val probs, std::size_t k, val o) {
    const bool have_labels = !labels.isNull() && !labels.isUndefined();
    return with_arrays(labels, probs, k, [&](LabelsView y, auto p) { return ood_on(y, p, o, have_labels); });
}

// ---- an audit in stages, so the worker can report progress and cancel between them -------------

class AuditStages {
public:
    virtual ~AuditStages() = default;
    virtual void step() = 0;
    virtual bool done() const = 0;
    virtual int stages_done() const = 0;
    virtual val report() = 0;
    const io::Dataset* dataset() const { return dataset_.get(); }

protected:
    std::shared_ptr<io::Dataset> dataset_;  // kept alive while the audit runs on its values
};

template <class T>
class AuditStagesOf final : public AuditStages {
public:
    // On a dataset's values.
    AuditStagesOf(std::shared_ptr<io::Dataset> d, LabelsView y, ProbsView<T> p, const AuditOptions& a)
        : y_(y), p_(p), options_(a), run_(y, p, a) { dataset_ = std::move(d); }
    // On arrays copied in from JS (owned here: the views point into them).
    AuditStagesOf(std::vector<std::int32_t> labels, std::vector<T> probs, std::size_t k, const AuditOptions& a)
        : labels_(std::move(labels)), probs_(std::move(probs)), y_{labels_.data(), labels_.size()},
          p_{probs_.data(), k == 0 ? 0 : probs_.size() / k, k}, options_(a), run_(y_, p_, a) {}

    void step() override { run_.step(); }
    bool done() const override { return run_.done(); }
    int stages_done() const override { return run_.stages_done(); }
    val report() override { return report_out(run_.take(), y_, p_, options_); }

private:
    std::vector<std::int32_t> labels_;
    std::vector<T> probs_;
    LabelsView y_;
    ProbsView<T> p_;
    AuditOptions options_;
    AuditRun<T> run_;
};

// The JS handle: step() until {done: true}, then report(). The caller .delete()s it.
class AuditJob {
public:
    explicit AuditJob(std::shared_ptr<AuditStages> s) : s_(std::move(s)) {}

    val step() {
        return guarded([&] {
            s_->step();
            val r = val::object();
            r.set("done", s_->done());
            r.set("stagesDone", s_->stages_done());
            r.set("numStages", AuditRun<double>::num_stages);
            return r;
        }, s_->dataset());
    }

    val report() {
        return guarded([&] { return s_->report(); }, s_->dataset());
    }

private:
    std::shared_ptr<AuditStages> s_;
};

val job_out(std::shared_ptr<AuditStages> stages) {
    val r = val::object();
    r.set("job", AuditJob(std::move(stages)));
    return r;
}

val start_audit_arrays(val labels, val probs, std::size_t k, val o) {
    return guarded([&]() -> val {
        const AuditOptions a = audit_options(o);
        std::vector<std::int32_t> y = labels_in(labels);
        check_probs_shape(probs, k);
        if (probs.instanceof(val::global("Float32Array")))
            return job_out(std::make_shared<AuditStagesOf<float>>(std::move(y), copy_in<float>(probs), k, a));
        return job_out(std::make_shared<AuditStagesOf<double>>(std::move(y), copy_in<double>(probs), k, a));
    });
}

// ---- a dataset read in chunks and kept in WASM memory ---------------------------------------------

class DatasetHandle {
public:
    explicit DatasetHandle(std::shared_ptr<io::Dataset> d) : d_(std::move(d)) {}

    val info() const {
        return guarded([&] {
            const io::Dataset& d = *d_;
            val r = val::object();
            r.set("numExamples", static_cast<double>(d.num_examples));
            r.set("numClasses", static_cast<double>(d.num_classes));
            val names = val::array();
            for (std::size_t c = 0; c < d.class_names.size(); ++c) names.set(c, d.class_names[c]);
            r.set("classNames", names);
            r.set("float32", d.is_float32());
            r.set("labels", out(d.labels));
            if (!d.true_labels.empty()) r.set("trueLabels", out(d.true_labels));
            if (!d.known_errors.empty()) {
                std::vector<std::int32_t> k(d.known_errors.begin(), d.known_errors.end());
                r.set("knownErrors", out(k));
            }
            val columns = val::array();
            for (std::size_t c = 0; c < d.extra_columns.size(); ++c) {
                val col = val::object();
                col.set("name", d.extra_columns[c].name);
                val values = val::array();
                for (std::size_t i = 0; i < d.extra_columns[c].values.size(); ++i)
                    values.set(i, d.extra_columns[c].values[i]);
                col.set("values", values);
                columns.set(c, col);
            }
            r.set("extraColumns", columns);
            val notes = val::array();
            for (std::size_t i = 0; i < d.notes.size(); ++i) notes.set(i, d.notes[i]);
            r.set("notes", notes);
            r.set("fingerprint", d.fingerprint);
            // Where example i came from: row firstRow + i of the file (1-based, header counted).
            val source = val::object();
            source.set("labelsFile", d.source.labels_file);
            source.set("labelsFirstRow", static_cast<double>(d.source.labels_first_row));
            source.set("labelsColumn", static_cast<double>(d.source.labels_column));
            source.set("predProbsFile", d.source.probs_file);
            source.set("predProbsFirstRow", static_cast<double>(d.source.probs_first_row));
            source.set("predProbsColumns", list(d.source.probs_columns));
            r.set("source", source);
            return r;
        }, d_.get());
    }

    // Rows [start, start + count) of the probabilities, for display.
    val probabilityRows(std::size_t start, std::size_t count) const {
        return guarded([&] {
            const io::Dataset& d = *d_;
            start = std::min(start, d.num_examples);
            count = std::min(count, d.num_examples - start);
            std::vector<double> v(count * d.num_classes);
            for (std::size_t i = 0; i < v.size(); ++i)
                v[i] = d.is_float32() ? d.probs_f32[start * d.num_classes + i] : d.probs[start * d.num_classes + i];
            val r = val::object();
            r.set("values", out(v));
            return r;
        });
    }

#define DATASET_ENTRY(name, fn)                                                              \
    val name(val o) const {                                                                  \
        const io::Dataset& d = *d_;                                                          \
        return guarded(                                                                      \
            [&] {                                                                            \
                return d.is_float32() ? fn(d.labels_view(), d.probs_view_f32(), o)           \
                                      : fn(d.labels_view(), d.probs_view(), o);              \
            },                                                                               \
            d_.get());                                                                       \
    }
    DATASET_ENTRY(audit, audit_on)

    // {job: AuditJob} or {error}: the audit in stages (see AuditJob).
    val startAudit(val o) const {
        return guarded([&] {
            const AuditOptions a = audit_options(o);
            const io::Dataset& d = *d_;
            if (d.is_float32())
                return job_out(std::make_shared<AuditStagesOf<float>>(d_, d.labels_view(), d.probs_view_f32(), a));
            return job_out(std::make_shared<AuditStagesOf<double>>(d_, d.labels_view(), d.probs_view(), a));
        }, d_.get());
    }
    DATASET_ENTRY(findLabelIssues, find_issues_on)
    DATASET_ENTRY(getLabelQualityScores, scores_on)
    DATASET_ENTRY(healthSummary, health_on)
#undef DATASET_ENTRY

private:
    std::shared_ptr<io::Dataset> d_;
};

class Reader {
public:
    explicit Reader(val o) {
        io::ReadOptions r;
        r.label_column = str(o, "labelColumn", "");
        r.float32 = flag(o, "float32", false);
        r.allow_unnormalized = flag(o, "allowUnnormalized", false);
        if (has(o, "probabilityColumns"))
            for (std::size_t i = 0; i < o["probabilityColumns"]["length"].as<std::size_t>(); ++i)
                r.probability_columns.push_back(o["probabilityColumns"][i].as<std::string>());
        if (has(o, "classNames"))
            for (std::size_t i = 0; i < o["classNames"]["length"].as<std::size_t>(); ++i)
                r.class_names.push_back(o["classNames"][i].as<std::string>());
        allow_unnormalized_ = r.allow_unnormalized;
        float32_ = r.float32;
        reader_ = std::make_unique<io::DatasetReader>(r);
    }

    val beginFile(std::string role, std::string name, double total_bytes) {
        return read_step([&] {
            const io::FileRole r = role == "labels"       ? io::FileRole::labels
                                   : role == "predProbs" ? io::FileRole::pred_probs
                                                         : io::FileRole::combined;
            reader_->begin_file(r, name, static_cast<std::uint64_t>(total_bytes));
            return val::object();
        });
    }

    // bytes: Uint8Array chunk, copied once into a reused buffer.
    val feed(val bytes) {
        return read_step([&] {
            const auto n = bytes["length"].as<std::size_t>();
            buffer_.resize(n);
            val(emscripten::typed_memory_view(n, buffer_.data())).call<void>("set", bytes);
            reader_->feed(buffer_.data(), n);
            return val::object();
        });
    }

    val endFile() {
        return read_step([&] {
            reader_->end_file();
            return val::object();
        });
    }

    // {dataset: DatasetHandle, warnings} or {error}. The caller owns the handle (.delete()).
    val finish() {
        std::shared_ptr<io::Dataset> d;
        return read_step([&] {
            d = std::make_shared<io::Dataset>(reader_->finish());
            Warnings warnings;
            try {
                warnings = io::validate_dataset(*d, false, allow_unnormalized_);
            } catch (const io::ReadError& e) {
                throw io::in_data_rows(e, *d);
            }
            val r = val::object();
            r.set("dataset", DatasetHandle(d));
            r.set("warnings", warnings_out(warnings));
            return r;
        });
    }

private:
    // A step of reading, its errors in the rows people count (data rows, io::in_data_rows).
    template <class F>
    val read_step(F&& f) {
        return guarded([&]() -> val {
            try {
                return f();
            } catch (const io::ReadError& e) {
                throw reader_->in_data_rows(e);
            }
        }, nullptr, float32_);
    }

    std::unique_ptr<io::DatasetReader> reader_;
    std::vector<std::uint8_t> buffer_;
    bool allow_unnormalized_ = false;
    bool float32_ = false;  // for the out-of-memory advice
};

}  // namespace

EMSCRIPTEN_BINDINGS(labelscope) {
    using namespace emscripten;
    function("readerThreads", &io::reader_threads);
    function("findLabelIssues", &find_issues_arrays);
    function("getLabelQualityScores", &scores_arrays);
    function("computeConfidentJoint", &confident_joint_arrays);
    function("estimateLatent", &latent_arrays);
    function("numLabelIssues", &num_issues_arrays);
    function("healthSummary", &health_arrays);
    function("outOfDistributionScores", &ood_arrays);
    function("audit", &audit_arrays);
    function("startAudit", &start_audit_arrays);

    class_<AuditJob>("AuditJob")
        .function("step", &AuditJob::step)
        .function("report", &AuditJob::report);

    class_<DatasetHandle>("DatasetHandle")
        .function("info", &DatasetHandle::info)
        .function("probabilityRows", &DatasetHandle::probabilityRows)
        .function("audit", &DatasetHandle::audit)
        .function("startAudit", &DatasetHandle::startAudit)
        .function("findLabelIssues", &DatasetHandle::findLabelIssues)
        .function("getLabelQualityScores", &DatasetHandle::getLabelQualityScores)
        .function("healthSummary", &DatasetHandle::healthSummary);

    class_<Reader>("Reader")
        .constructor<val>()
        .function("beginFile", &Reader::beginFile)
        .function("feed", &Reader::feed)
        .function("endFile", &Reader::endFile)
        .function("finish", &Reader::finish);
}
