// The only Emscripten file: typed arrays and plain objects in, typed arrays and plain objects out.
// Every C++ error becomes {error: {code, message, file, row, column}} for the JS layer to throw
// as a LabelScopeError; nothing throws across the boundary and no call aborts the module.
#include <emscripten/bind.h>
#include <emscripten/heap.h>
#include <emscripten/val.h>
#include <malloc.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <new>
#include <string>

#include "core/labelscope.hpp"
#include "io/dataset_reader.hpp"

using emscripten::val;
using namespace labelscope;

// ---- out of memory ------------------------------------------------------------------------------
// operator new is replaced (same behaviour: malloc, std::bad_alloc on failure) only to remember the
// failed request, so the out_of_memory error can say how much memory the step needed.
namespace {
struct FailedAllocation {
    std::size_t requested = 0;  // bytes of the allocation that failed
    std::size_t in_use = 0;     // bytes allocated at that moment
    std::size_t top_free = 0;   // free bytes in the allocator's topmost chunk
    std::size_t heap_end = 0;   // end of the allocator's memory (sbrk(0))
    std::size_t heap = 0;       // WebAssembly memory size
};
FailedAllocation last_failed_allocation;
}  // namespace

void* operator new(std::size_t size) {
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    const struct mallinfo m = mallinfo();
    last_failed_allocation = {size, static_cast<unsigned>(m.uordblks), static_cast<unsigned>(m.keepcost),
                              reinterpret_cast<std::size_t>(sbrk(0)), emscripten_get_heap_size()};
    throw std::bad_alloc();
}

namespace {

std::string megabytes(double bytes, bool round_up) {
    const double mb = bytes / 1e6;
    return std::to_string(static_cast<long long>(round_up ? std::ceil(mb) : std::floor(mb))) + " MB";
}

// How much WebAssembly memory the step needed, where it stopped, and what to do about it.
std::string out_of_memory_message() {
    const FailedAllocation f = last_failed_allocation;
    last_failed_allocation = {};
    const std::string advice =
        "Use fewer examples or classes, or keep the probabilities as float32 (the float32 option of readDataset, "
        "or a Float32Array), which halves their memory. In a browser, closing other tabs can also help.";
    if (f.requested == 0)  // not from operator new: no size to report
        return "Not enough memory: WebAssembly memory could not grow past " +
               megabytes(static_cast<double>(emscripten_get_heap_size()), false) + " (the limit here is " +
               megabytes(static_cast<double>(emscripten_get_heap_max()), false) + "). " + advice;
    // The memory size the failed allocation needed. dlmalloc first extends its topmost free chunk
    // (if that chunk ends the heap); had that fitted in the memory there was, the chunk did not end
    // the heap and the allocation needed a fresh block after it.
    const double end = static_cast<double>(f.heap_end), request = static_cast<double>(f.requested);
    const double extended = end + request - static_cast<double>(std::min(f.top_free, f.requested));
    const double needed = extended <= static_cast<double>(f.heap) ? end + request : extended;
    return "Not enough memory: this step needed at least " + megabytes(needed, true) +
           " of WebAssembly memory (one allocation of " + megabytes(request, true) + " with " +
           megabytes(static_cast<double>(f.in_use), true) + " in use), but memory could not grow past " +
           megabytes(static_cast<double>(f.heap), false) + " (the limit here is " +
           megabytes(static_cast<double>(emscripten_get_heap_max()), false) + "). " + advice;
}

// ---- JS -> C++ ---------------------------------------------------------------------------------

template <class T>
std::vector<T> copy_in(const val& typed_array) {
    const auto n = typed_array["length"].as<std::size_t>();
    std::vector<T> out(n);
    // One memcpy into the heap (a per-element loop is ~30x slower for large inputs).
    val(emscripten::typed_memory_view(n, out.data())).call<void>("set", typed_array);
    return out;
}

bool has(const val& o, const char* key) { return !o[key].isUndefined() && !o[key].isNull(); }
std::string str(const val& o, const char* key, const char* fallback) {
    return has(o, key) ? o[key].as<std::string>() : fallback;
}
double num(const val& o, const char* key, double fallback) { return has(o, key) ? o[key].as<double>() : fallback; }
bool flag(const val& o, const char* key, bool fallback) { return has(o, key) ? o[key].as<bool>() : fallback; }

std::vector<std::int64_t> int_list(const val& o, const char* key) {
    std::vector<std::int64_t> out;
    if (!has(o, key)) return out;
    const auto n = o[key]["length"].as<std::size_t>();
    for (std::size_t i = 0; i < n; ++i) out.push_back(static_cast<std::int64_t>(o[key][i].as<double>()));
    return out;
}

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

// ---- C++ -> JS ---------------------------------------------------------------------------------

template <class T>
val typed(const char* type, const std::vector<T>& v) {
    return val::global(type).new_(emscripten::typed_memory_view(v.size(), v.data()));  // a copy
}
val out(const std::vector<double>& v) { return typed("Float64Array", v); }
val out(const std::vector<std::int32_t>& v) { return typed("Int32Array", v); }
val out(const std::vector<std::uint8_t>& v) { return typed("Uint8Array", v); }

// A matrix as { shape: [rows, cols], values: Float64Array }: src/js/records.js makes the row
// arrays (setting K x K elements one call at a time took most of a 10k x 100 audit).
template <class T>
val rows(const Matrix<T>& m) {
    val shape = val::array();
    shape.set(0, static_cast<double>(m.rows));
    shape.set(1, static_cast<double>(m.cols));
    val matrix = val::object();
    matrix.set("shape", shape);
    matrix.set("values", out(std::vector<double>(m.values.begin(), m.values.end())));
    return matrix;
}
val list(const std::vector<double>& v) {
    val a = val::array();
    for (std::size_t i = 0; i < v.size(); ++i) a.set(i, v[i]);
    return a;
}
val list(const std::vector<std::int64_t>& v) {
    val a = val::array();
    for (std::size_t i = 0; i < v.size(); ++i) a.set(i, static_cast<double>(v[i]));
    return a;
}

val warnings_out(const Warnings& ws) {
    val a = val::array();
    for (std::size_t i = 0; i < ws.size(); ++i) {
        val w = val::object();
        w.set("code", std::string(to_string(ws[i].code)));
        w.set("message", ws[i].message);
        w.set("count", static_cast<double>(ws[i].count));
        w.set("example", static_cast<double>(ws[i].first_example));
        w.set("classIndex", static_cast<double>(ws[i].class_index));
        a.set(i, w);
    }
    return a;
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

val error_out(const std::string& code, const std::string& message, const std::string& file = {},
              std::int64_t row = 0, std::int64_t column = 0, std::int64_t example = -1, std::int64_t cls = -1) {
    val e = val::object();
    e.set("code", code);
    e.set("message", message);
    if (!file.empty()) e.set("file", file);
    if (row > 0) e.set("row", static_cast<double>(row));
    if (column > 0) e.set("column", static_cast<double>(column));
    if (example >= 0) e.set("example", static_cast<double>(example));
    if (cls >= 0) e.set("classIndex", static_cast<double>(cls));
    val r = val::object();
    r.set("error", e);
    return r;
}

// Runs f, turning any C++ exception into an error value (never a bare pointer or an abort).
template <class F>
val guarded(F&& f, const io::Dataset* dataset = nullptr) {
    try {
        return f();
    } catch (const LabelScopeError& e) {
        if (dataset != nullptr) {
            const io::ReadError located = io::locate_error(e, *dataset);
            return error_out(located.code(), e.what(), located.file(), located.row(), located.column(), e.example(),
                             e.class_index());
        }
        return error_out(to_string(e.code()), e.what(), {}, 0, 0, e.example(), e.class_index());
    } catch (const io::ReadError& e) {
        return error_out(e.code(), e.what(), e.file(), e.row(), e.column());
    } catch (const std::bad_alloc&) {
        return error_out("out_of_memory", out_of_memory_message());
    } catch (const std::exception& e) {
        return error_out("internal_error", std::string("Unexpected error: ") + e.what());
    }
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
        if (has(o, "probabilityColumns"))
            for (std::size_t i = 0; i < o["probabilityColumns"]["length"].as<std::size_t>(); ++i)
                r.probability_columns.push_back(o["probabilityColumns"][i].as<std::string>());
        if (has(o, "classNames"))
            for (std::size_t i = 0; i < o["classNames"]["length"].as<std::size_t>(); ++i)
                r.class_names.push_back(o["classNames"][i].as<std::string>());
        reader_ = std::make_unique<io::DatasetReader>(r);
    }

    val beginFile(std::string role, std::string name, double total_bytes) {
        return guarded([&] {
            const io::FileRole r = role == "labels"       ? io::FileRole::labels
                                   : role == "predProbs" ? io::FileRole::pred_probs
                                                         : io::FileRole::combined;
            reader_->begin_file(r, name, static_cast<std::uint64_t>(total_bytes));
            return val::object();
        });
    }

    // bytes: Uint8Array chunk, copied once into a reused buffer.
    val feed(val bytes) {
        return guarded([&] {
            const auto n = bytes["length"].as<std::size_t>();
            buffer_.resize(n);
            val(emscripten::typed_memory_view(n, buffer_.data())).call<void>("set", bytes);
            reader_->feed(buffer_.data(), n);
            return val::object();
        });
    }

    val endFile() {
        return guarded([&] {
            reader_->end_file();
            return val::object();
        });
    }

    // {dataset: DatasetHandle, warnings} or {error}. The caller owns the handle (.delete()).
    val finish() {
        std::shared_ptr<io::Dataset> d;
        return guarded([&] {
            d = std::make_shared<io::Dataset>(reader_->finish());
            const Warnings warnings = io::validate_dataset(*d, false);
            val r = val::object();
            r.set("dataset", DatasetHandle(d));
            r.set("warnings", warnings_out(warnings));
            return r;
        });
    }

private:
    std::unique_ptr<io::DatasetReader> reader_;
    std::vector<std::uint8_t> buffer_;
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
