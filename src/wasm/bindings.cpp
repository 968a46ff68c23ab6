// The single-label analysis and reader entry points of the JS API. Binding only: options start from
// the core's option structs, the work is the core's (find_issues_run, audit, label_probabilities),
// and the conversions are in marshal.hpp / datasets.hpp. Features bind in their own
// src/wasm/bind_*.cpp. Nothing throws across the boundary: every entry point runs inside guarded().
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>

#include "core/find_issues_run.hpp"
#include "core/label_probabilities.hpp"
#include "core/labelscope.hpp"
#include "io/dataset_reader.hpp"
#include "wasm/datasets.hpp"
#include "wasm/marshal.hpp"

using emscripten::val;
using namespace labelscope;
using namespace labelscope::wasm;

namespace {

// ---- options ------------------------------------------------------------------------------------

// rows: K arrays of K counts (src/js/inputs.js has checked the shape and the values).
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

// o.confidentJoint, when given, kept alive with the options that point to it.
std::shared_ptr<const CountMatrix> confident_joint_in(const val& o) {
    if (!has(o, "confidentJoint")) return nullptr;
    return std::make_shared<const CountMatrix>(count_matrix(o["confidentJoint"]));
}

// audit options (filterBy is parsed before rankBy, the order errors are reported in).
struct AuditSetup {
    std::shared_ptr<const CountMatrix> joint;
    AuditOptions options;
    // A dataset's values were validated when it was read: these are validation's warnings, which
    // the report starts with as if it had validated them again (options.values_validated).
    std::shared_ptr<const Warnings> validated;
};
AuditSetup audit_setup(const val& o) {
    AuditSetup s;
    s.joint = confident_joint_in(o);
    if (has(o, "filterBy")) s.options.find.filter_by = parse_filter_by(o["filterBy"].as<std::string>());
    set_find_fields(o, s.options.find);
    s.options.find.confident_joint = s.joint.get();
    s.options.rank_by = rank_in(o, "rankBy", s.options.rank_by);
    set_if(o, "asymmetric", s.options.asymmetric_overlap);
    if (has(o, "matrices")) {
        if (!o["matrices"].isString())
            throw LabelScopeError(ErrorCode::invalid_option, "matrices must be 'full', 'sparse' or 'none'.");
        s.options.matrices = parse_matrix_form(o["matrices"].as<std::string>());
    }
    return s;
}

// ---- the analyses, on any labels/probabilities views (run by the array and dataset entries) ------
// `validated`: validation's warnings for a dataset's values checked when read (see
// DatasetHandle), null for arrays from JS, which are validated here.

// Warnings as validation then the method give them, validation's from the read.
void start_with(Warnings& warnings, const Warnings* validated) {
    if (validated != nullptr) warnings.insert(warnings.begin(), validated->begin(), validated->end());
}

struct FindIssues {
    template <class T>
    static val run(LabelsView y, ProbsView<T> p, const val& o, const Warnings* validated = nullptr) {
        FindIssuesRequest request;
        request.values_validated = validated != nullptr;
        set_if(o, "filterBy", request.filter_by);
        set_find_fields(o, request);
        set_if(o, "returnIndicesRankedBy", request.rank_by);
        set_if(o, "adjustPredProbs", request.adjust_pred_probs);
        const std::shared_ptr<const CountMatrix> joint = confident_joint_in(o);
        request.confident_joint = joint.get();
        FindIssuesResult found = find_issues_run(y, p, request);
        start_with(found.warnings, validated);
        val r = val::object();
        r.set("mask", out(found.mask));
        r.set("indices", out(found.indices));
        r.set("warnings", warnings_out(found.warnings));
        return r;
    }
};

struct Scores {
    template <class T>
    static val run(LabelsView y, ProbsView<T> p, const val& o, const Warnings* validated = nullptr) {
        const Warnings warnings = validated != nullptr ? *validated : validate_inputs(y, p, ValidationOptions{false});
        val r = val::object();
        r.set("scores", out(get_label_quality_scores(y, p, scores_in(o))));
        r.set("warnings", warnings_out(warnings));
        return r;
    }
};

struct ConfidentJointOf {
    template <class T>
    static val run(LabelsView y, ProbsView<T> p, const val& o) {
        const ConfidentJoint cj = compute_confident_joint(y, p);
        val r = val::object();
        r.set("confidentJoint", matrix_out(flag(o, "calibrate", true) ? cj.calibrated : cj.uncalibrated));
        r.set("thresholds", list(confident_thresholds(y, p)));
        r.set("offDiagonal", out(cj.off_diagonal));
        return r;
    }
};

struct Latent {
    template <class T>
    static val run(LabelsView y, ProbsView<T> p, const val& o) {
        const NoiseEstimates e = estimate_py_and_noise_matrices_from_probabilities(
            y, p, parse_py_method(str(o, "pyMethod", "cnt")), flag(o, "convergeLatentEstimates", true),
            flag(o, "calibrate", true));
        val r = latent_out(val::object(), e);
        r.set("confidentJoint", matrix_out(e.confident_joint));
        return r;
    }
};

struct NumIssues {
    template <class T>
    static val run(LabelsView y, ProbsView<T> p, const val& o) {
        const std::shared_ptr<const CountMatrix> joint = confident_joint_in(o);
        const auto n =
            num_label_issues(y, p, parse_estimation_method(str(o, "estimationMethod", "off_diagonal")), joint.get());
        val r = val::object();
        r.set("numLabelIssues", static_cast<double>(n));
        return r;
    }
};

struct Health {
    template <class T>  // health_summary validates the values itself (it reports no warnings)
    static val run(LabelsView y, ProbsView<T> p, const val& o, const Warnings* /*validated*/ = nullptr) {
        const HealthSummary h = health_summary(y, p, flag(o, "asymmetric", false));
        val r = val::object();
        r.set("overallLabelHealthScore", h.overall_label_health_score);
        r.set("joint", matrix_out(h.joint));
        r.set("classesByLabelQuality", class_quality_out(h.classes_by_label_quality));
        r.set("overlappingClasses", overlaps_out(h.overlapping_classes));
        return r;
    }
};

struct Audit {
    template <class T>
    static val run(LabelsView y, ProbsView<T> p, const val& o, const Warnings* validated = nullptr) {
        AuditSetup a = audit_setup(o);
        a.options.values_validated = validated != nullptr;
        Report report = audit(y, p, a.options);
        start_with(report.warnings, validated);
        return report_out(report, label_probabilities(y, p, report.suggested_label), a.options);
    }
};

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
        if (probs.instanceof (val::global("Float32Array"))) {
            const std::vector<float> p = copy_in<float>(probs);
            return body(yv, ProbsView<float>{p.data(), count / k, k});
        }
        const std::vector<double> p = copy_in<double>(probs);
        return body(yv, ProbsView<double>{p.data(), count / k, k});
    });
}

template <class Fn>
val on_arrays(val labels, val probs, std::size_t k, val o) {
    return with_arrays(labels, probs, k, [&](LabelsView y, auto p) { return Fn::run(y, p, o); });
}

val ood_arrays(val labels, val probs, std::size_t k, val o) {
    const bool have_labels = !labels.isNull() && !labels.isUndefined();
    return with_arrays(labels, probs, k, [&](LabelsView y, auto p) {
        OodOptions opts;
        if (has(o, "method")) opts.method = parse_ood_method(o["method"].as<std::string>());
        set_if(o, "adjustPredProbs", opts.adjust_pred_probs);
        val r = val::object();
        r.set("scores", out(out_of_distribution_scores(p, have_labels ? &y : nullptr, opts)));
        return r;
    });
}

// ---- an audit in stages, so the worker can report progress and cancel between them -------------

// The JS handle: step() until {done: true}, then report(). The caller .delete()s it.
class AuditJob {
public:
    // `keep` owns the values the views point into (a dataset, or arrays copied in from JS);
    // `dataset` (or null) locates errors in its files.
    template <class T>
    AuditJob(std::shared_ptr<const void> keep, const io::Dataset* dataset, LabelsView y, ProbsView<T> p, AuditSetup a)
        : stages_(std::make_shared<StagesOf<T>>(y, p, std::move(a))), keep_(std::move(keep)), dataset_(dataset) {}

    val step() {
        return guarded(
            [&] {
                stages_->step();
                val r = val::object();
                r.set("done", stages_->done());
                r.set("stagesDone", stages_->stages_done());
                r.set("numStages", AuditRun<double>::num_stages);
                return r;
            },
            dataset_);
    }

    val report() {
        return guarded([&] { return stages_->report(); }, dataset_);
    }

private:
    struct Stages {
        virtual ~Stages() = default;
        virtual void step() = 0;
        virtual bool done() const = 0;
        virtual int stages_done() const = 0;
        virtual val report() = 0;
    };
    template <class T>
    struct StagesOf final : Stages {
        StagesOf(LabelsView y, ProbsView<T> p, AuditSetup a) : y_(y), p_(p), a_(std::move(a)), run_(y, p, a_.options) {}
        void step() override { run_.step(); }
        bool done() const override { return run_.done(); }
        int stages_done() const override { return run_.stages_done(); }
        val report() override {
            Report report = run_.take();
            start_with(report.warnings, a_.validated.get());
            return report_out(report, label_probabilities(y_, p_, report.suggested_label), a_.options);
        }
        LabelsView y_;
        ProbsView<T> p_;
        AuditSetup a_;  // holds the confident joint the run's options point to
        AuditRun<T> run_;
    };

    std::shared_ptr<Stages> stages_;
    std::shared_ptr<const void> keep_;
    const io::Dataset* dataset_;
};

val job_out(AuditJob job) {
    val r = val::object();
    r.set("job", std::move(job));
    return r;
}

// Arrays copied in from JS, owned by the job.
template <class T>
struct OwnedArrays {
    std::vector<std::int32_t> labels;
    std::vector<T> probs;
};

template <class T>
val start_audit_on(std::vector<std::int32_t> labels, std::vector<T> probs, std::size_t k, AuditSetup a) {
    auto owned = std::make_shared<OwnedArrays<T>>(OwnedArrays<T>{std::move(labels), std::move(probs)});
    const LabelsView y{owned->labels.data(), owned->labels.size()};
    const ProbsView<T> p{owned->probs.data(), owned->probs.size() / k, k};
    return job_out(AuditJob(std::move(owned), nullptr, y, p, std::move(a)));
}

val start_audit_arrays(val labels, val probs, std::size_t k, val o) {
    return guarded([&]() -> val {
        AuditSetup a = audit_setup(o);
        std::vector<std::int32_t> y = labels_in(labels);
        check_probs_shape(probs, k);
        if (probs.instanceof (val::global("Float32Array")))
            return start_audit_on(std::move(y), copy_in<float>(probs), k, std::move(a));
        return start_audit_on(std::move(y), copy_in<double>(probs), k, std::move(a));
    });
}

// ---- a dataset read in chunks and kept in WASM memory ---------------------------------------------

class DatasetHandle {
public:
    // `validated`: validation's warnings when the values were validated as they were read.
    DatasetHandle(std::shared_ptr<io::Dataset> d, std::shared_ptr<const Warnings> validated)
        : d_(std::move(d)), validated_(std::move(validated)) {}

    val info() const {
        return guarded(
            [&] {
                const io::Dataset& d = *d_;
                val r = info_head(d);
                r.set("float32", d.is_float32());
                r.set("labels", out(d.labels));
                if (!d.true_labels.empty()) r.set("trueLabels", out(d.true_labels));
                if (!d.known_errors.empty())
                    r.set("knownErrors", out(std::vector<std::int32_t>(d.known_errors.begin(), d.known_errors.end())));
                info_files(r, d);
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
            },
            d_.get());
    }

    // Rows [start, start + count) of the probabilities, for display.
    val probabilityRows(std::size_t start, std::size_t count) const {
        return guarded([&] { return probability_rows(*d_, start, count); });
    }

    // Analyses with a validated form (audit, findLabelIssues, getLabelQualityScores) skip a
    // second pass over every value.
    template <class Fn>
    val run(val o) const {
        return guarded(
            [&] { return on_values(*d_, [&](auto y, auto p) { return Fn::run(y, p, o, validated_.get()); }); },
            d_.get());
    }

    // {job: AuditJob} or {error}: the audit in stages (see AuditJob).
    val startAudit(val o) const {
        return guarded(
            [&] {
                return on_values(*d_, [&](LabelsView y, auto p) {
                    AuditSetup a = audit_setup(o);
                    a.options.values_validated = validated_ != nullptr;
                    a.validated = validated_;
                    return job_out(AuditJob(d_, d_.get(), y, p, std::move(a)));
                });
            },
            d_.get());
    }

private:
    std::shared_ptr<io::Dataset> d_;
    std::shared_ptr<const Warnings> validated_;
};

// The io::DatasetReader behind the JS Reader (see ChunkedReader).
struct DatasetFiles {
    explicit DatasetFiles(const val& o) {
        io::ReadOptions r;
        set_if(o, "labelColumn", r.label_column);
        set_if(o, "float32", r.float32);
        set_if(o, "allowUnnormalized", r.allow_unnormalized);
        set_if(o, "fingerprint", r.fingerprint);
        r.probability_columns = strings_in(o, "probabilityColumns");
        r.class_names = strings_in(o, "classNames");
        allow_unnormalized = r.allow_unnormalized;
        float32 = r.float32;
        reader_ = std::make_shared<io::DatasetReader>(r);
    }
    io::DatasetReader& reader() { return *reader_; }
    io::ReadError data_rows(const io::ReadError& e) const { return reader_->in_data_rows(e); }

    // {dataset: DatasetHandle, warnings}.
    val finish() {
        auto d = std::make_shared<io::Dataset>(reader_->finish());
        Warnings warnings, value_warnings;
        try {
            warnings = io::validate_dataset(*d, false, allow_unnormalized, &value_warnings);
        } catch (const io::ReadError& e) {
            throw io::in_data_rows(e, *d);
        }
        val r = val::object();
        r.set("dataset", DatasetHandle(d, std::make_shared<const Warnings>(std::move(value_warnings))));
        r.set("warnings", warnings_out(warnings));
        return r;
    }

    bool allow_unnormalized = false;
    bool float32 = false;  // for the out-of-memory advice
    std::shared_ptr<io::DatasetReader> reader_;
};
using Reader = ChunkedReader<DatasetFiles>;

}  // namespace

EMSCRIPTEN_BINDINGS(labelscope) {
    using namespace emscripten;
    function("readerThreads", &io::reader_threads);
    function("findLabelIssues", &on_arrays<FindIssues>);
    function("getLabelQualityScores", &on_arrays<Scores>);
    function("computeConfidentJoint", &on_arrays<ConfidentJointOf>);
    function("estimateLatent", &on_arrays<Latent>);
    function("numLabelIssues", &on_arrays<NumIssues>);
    function("healthSummary", &on_arrays<Health>);
    function("outOfDistributionScores", &ood_arrays);
    function("audit", &on_arrays<Audit>);
    function("startAudit", &start_audit_arrays);

    class_<AuditJob>("AuditJob").function("step", &AuditJob::step).function("report", &AuditJob::report);

    class_<DatasetHandle>("DatasetHandle")
        .function("info", &DatasetHandle::info)
        .function("probabilityRows", &DatasetHandle::probabilityRows)
        .function("audit", &DatasetHandle::run<Audit>)
        .function("startAudit", &DatasetHandle::startAudit)
        .function("findLabelIssues", &DatasetHandle::run<FindIssues>)
        .function("getLabelQualityScores", &DatasetHandle::run<Scores>)
        .function("healthSummary", &DatasetHandle::run<Health>);

    class_<Reader>("Reader")
        .constructor<val>()
        .function("beginFile", &Reader::beginFile)
        .function("feed", &Reader::feed)
        .function("endFile", &Reader::endFile)
        .function("finish", &Reader::finish);
}
