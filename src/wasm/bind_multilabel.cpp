// Bindings for multi-label data (src/core/multilabel*.hpp, src/io/multilabel_reader.hpp): the
// analysis functions on label sets given as CSR Int32Arrays (offsets, classes) or on a dataset
// read from files. src/js/multilabel.js shapes the arguments and the results.
#include <algorithm>
#include <memory>
#include <optional>
#include <string>

#include "core/multilabel.hpp"
#include "core/multilabel_audit.hpp"
#include "io/multilabel_reader.hpp"
#include "wasm/datasets.hpp"
#include "wasm/marshal.hpp"

namespace labelscope::wasm {
namespace {

// ---- options (camelCase names, cleanlab's values), from the core's option structs ---------------

MultiLabelFindOptions ml_find_options(const val& o) {
    MultiLabelFindOptions f;
    if (has(o, "filterBy")) f.find.filter_by = parse_filter_by(o["filterBy"].as<std::string>());
    set_find_fields(o, f.find);
    return f;
}

AggregatorOptions aggregator_options(const val& o) {
    AggregatorOptions a;
    if (has(o, "aggregator")) a.method = parse_aggregator(o["aggregator"].as<std::string>());
    if (!o["alpha"].isUndefined())  // null: 2 / (K + 1)
        a.alpha = o["alpha"].isNull() ? std::nullopt : std::optional<double>(o["alpha"].as<double>());
    set_if(o, "temperature", a.temperature);
    validate_aggregator(a);
    return a;
}

std::optional<ScoreOptions> ml_rank(const val& o) {
    const std::optional<ScoreOptions> s = rank_in(o, "returnIndicesRankedBy", std::nullopt);
    if (s) validate_score_options(*s);
    return s;
}

ScoreOptions score_options(const val& o) {
    const ScoreOptions s = scores_in(o);
    validate_score_options(s);
    return s;
}

// ---- results -------------------------------------------------------------------------------------

val index_lists(const std::vector<IndexList>& lists) {
    val a = val::array();
    for (std::size_t k = 0; k < lists.size(); ++k) a.set(k, out(lists[k]));
    return a;
}

template <class T>
val joints_out(const std::vector<Matrix<T>>& m) {
    std::vector<double> flat;  // K x 2 x 2, [class][given][guess]
    for (const auto& c : m) flat.insert(flat.end(), c.values.begin(), c.values.end());
    return out(flat);
}

val health_out(const MultiLabelHealth& h) {
    val r = val::object();
    r.set("overallLabelHealthScore", h.overall_label_health_score);
    r.set("classesByLabelQuality", class_quality_out(h.classes_by_label_quality));
    val common = val::array();
    for (std::size_t i = 0; i < h.common_issues.size(); ++i) {
        const CommonMultiLabelIssue& c = h.common_issues[i];
        val row = val::object();
        row.set("classIndex", c.class_index);
        row.set("inGivenLabel", c.in_given_label);
        row.set("inSuggestedLabel", c.in_suggested_label);
        row.set("numExamples", static_cast<double>(c.num_examples));
        row.set("issueProbability", c.issue_probability);
        common.set(i, row);
    }
    r.set("commonIssues", common);
    return r;
}

// ---- the analyses, on any views (run by the array and dataset entries) -------------------------

struct Find {
    template <class T>
    static val run(MultiLabelsView y, ProbsView<T> p, const val& o) {
        const Warnings warnings = validate_multilabel_inputs(y, p, true);
        const MultiLabelFindOptions f = ml_find_options(o);
        const auto rank = ml_rank(o);
        const AggregatorOptions a = aggregator_options(o);
        val r = val::object();
        if (flag(o, "perClass", false)) {
            r.set("perClass", index_lists(find_multilabel_issues_per_class(y, p, f, rank)));
        } else {
            const Mask mask = find_multilabel_label_issues(y, p, f);
            r.set("mask", out(mask));
            r.set("indices",
                  out(rank ? find_multilabel_label_issues_ranked(y, p, f, *rank, a) : mask_to_indices(mask)));
        }
        r.set("warnings", warnings_out(warnings));
        return r;
    }
};

struct Scores {
    template <class T>
    static val run(MultiLabelsView y, ProbsView<T> p, const val& o) {
        const Warnings warnings = validate_multilabel_inputs(y, p, false);
        const ScoreOptions s = score_options(o);
        val r = val::object();
        if (flag(o, "perClass", false))
            r.set("perClass", matrix_out(multilabel_label_quality_scores_per_class(y, p, s)));
        else
            r.set("scores", out(multilabel_label_quality_scores(y, p, s, aggregator_options(o))));
        r.set("warnings", warnings_out(warnings));
        return r;
    }
};

struct Joint {
    template <class T>
    static val run(MultiLabelsView y, ProbsView<T> p, const val&) {
        const MultiLabelJoint j = multilabel_compute_confident_joint(y, p);
        val r = val::object();
        r.set("confidentJoint", joints_out(j.calibrated));
        r.set("confidentJointUncalibrated", joints_out(j.uncalibrated));
        r.set("thresholds", matrix_out(multilabel_confident_thresholds(y, p)));
        r.set("joint", joints_out(multilabel_estimate_joint(y, p)));
        return r;
    }
};

struct NumIssues {
    template <class T>
    static val run(MultiLabelsView y, ProbsView<T> p, const val&) {
        val r = val::object();
        r.set("numLabelIssues", static_cast<double>(multilabel_num_label_issues(y, p)));
        return r;
    }
};

struct Health {
    template <class T>
    static val run(MultiLabelsView y, ProbsView<T> p, const val&) {
        const Warnings warnings = validate_multilabel_inputs(y, p, true);
        val r = health_out(multilabel_health_summary(y, p));
        r.set("warnings", warnings_out(warnings));
        return r;
    }
};

struct Audit {
    template <class T>
    static val run(MultiLabelsView y, ProbsView<T> p, const val& o) {
        MultiLabelAuditOptions a;
        a.find = ml_find_options(o);
        a.aggregator = aggregator_options(o);
        a.rank_by = rank_in(o, "rankBy", a.rank_by);
        const MultiLabelReport rep = audit_multilabel(y, p, a);
        val r = val::object();
        r.set("numExamples", static_cast<double>(rep.num_examples));
        r.set("numClasses", static_cast<double>(rep.num_classes));
        r.set("issues", out(rep.issues));
        r.set("isLabelIssue", out(rep.is_label_issue));
        r.set("labelQuality", out(rep.label_quality));
        r.set("classIssues", index_lists(rep.class_issues));
        r.set("labelCounts", list(rep.label_counts));
        r.set("thresholds", matrix_out(rep.thresholds));
        r.set("confidentJoint", joints_out(rep.confident_joint.calibrated));
        r.set("confidentJointUncalibrated", joints_out(rep.confident_joint.uncalibrated));
        r.set("numLabelIssues", static_cast<double>(rep.num_label_issues));
        r.set("health", health_out(rep.health));
        r.set("warnings", warnings_out(rep.warnings));
        return r;
    }
};

// ---- arrays in: label sets as CSR (offsets, classes), row-major N x K probabilities ------------

template <class Fn>
val on_arrays(val offsets_in, val classes_in, val probs_in, double k_in, val o) {
    return guarded([&] {
        const std::vector<std::int32_t> offsets = copy_in<std::int32_t>(offsets_in);
        const std::vector<std::int32_t> classes = copy_in<std::int32_t>(classes_in);
        const std::vector<double> probs = copy_in<double>(probs_in);
        if (offsets.empty() || static_cast<std::size_t>(offsets.back()) != classes.size() || offsets[0] != 0)
            throw LabelScopeError(ErrorCode::invalid_option,
                                  "labels offsets must start at 0 and end at classes.length.");
        const std::size_t n = offsets.size() - 1, k = static_cast<std::size_t>(k_in);
        if (k == 0 || probs.size() != n * k)
            throw LabelScopeError(ErrorCode::length_mismatch,
                                  "labels has " + std::to_string(n) + " label sets but predProbs holds " +
                                      std::to_string(probs.size()) + " values, not " + std::to_string(n) + " rows of " +
                                      std::to_string(k) + ".");
        return Fn::run(MultiLabelsView{offsets.data(), classes.data(), n}, ProbsView<double>{probs.data(), n, k}, o);
    });
}

// ---- datasets read from files --------------------------------------------------------------------

class MultiLabelDatasetHandle {
public:
    explicit MultiLabelDatasetHandle(std::shared_ptr<io::MultiLabelDataset> d) : d_(std::move(d)) {}

    val info() const {
        const io::MultiLabelDataset& d = *d_;
        val r = info_head(d);
        r.set("notation", std::string(io::to_string(d.notation)));
        r.set("rowsWithSeveral", static_cast<double>(d.rows_with_several));
        r.set("offsets", out(d.offsets));
        r.set("classes", out(d.classes));
        info_files(r, d);
        val source = val::object();
        source.set("labelsFile", d.source.labels_file);
        source.set("labelsFirstRow", static_cast<double>(d.source.labels_first_row));
        source.set("labelsColumn", static_cast<double>(d.source.labels_column));
        source.set("probsFile", d.source.probs_file);
        source.set("probsFirstRow", static_cast<double>(d.source.probs_first_row));
        r.set("source", source);
        return r;
    }

    // Probabilities of rows [start, start + count) as a flat Float64Array.
    val probabilityRows(double start, double count) const {
        return guarded(
            [&] { return probability_rows(*d_, static_cast<std::size_t>(start), static_cast<std::size_t>(count)); });
    }

    template <class Fn>
    val run(val o) const {
        return analyse<Fn>(*d_, o);
    }

private:
    std::shared_ptr<io::MultiLabelDataset> d_;
};

// Row N = the N-th data row of its file, header not counted (README); the reader works in file rows.
io::ReadError in_data_rows(const io::ReadError& e, const io::MultiLabelDataset& d) {
    const io::SourceMap& s = d.source;
    return io::in_data_rows(e, e.file() == s.labels_file ? s.labels_first_row : s.probs_first_row);
}

// The io::MultiLabelReader behind the JS MultiLabelReader (see ChunkedReader).
struct MultiLabelFiles {
    explicit MultiLabelFiles(const val& o) {
        io::ReadOptions r;
        set_if(o, "float32", r.float32);
        set_if(o, "labelColumn", r.label_column);
        r.class_names = strings_in(o, "classNames");
        float32 = r.float32;
        reader_ = std::make_shared<io::MultiLabelReader>(r);
    }
    io::MultiLabelReader& reader() { return *reader_; }
    io::ReadError data_rows(const io::ReadError& e) const {
        return io::in_data_rows(e, reader_->first_data_row(e.file()));
    }

    // {dataset: MultiLabelDatasetHandle, warnings}.
    val finish() {
        auto d = std::make_shared<io::MultiLabelDataset>(reader_->finish());
        Warnings warnings;
        try {
            warnings = io::validate_multilabel_dataset(*d, false);
        } catch (const io::ReadError& e) {
            throw in_data_rows(e, *d);
        }
        val r = val::object();
        r.set("dataset", MultiLabelDatasetHandle(d));
        r.set("warnings", warnings_out(warnings));
        return r;
    }

    bool float32 = false;
    std::shared_ptr<io::MultiLabelReader> reader_;
};
using MultiLabelReader = ChunkedReader<MultiLabelFiles>;

// A labels file read as single-label sets: how many rows hold more than one class, and the first
// such row (the "looks multi-label" message). {rowsWithSeveral, firstRow, column} or {error}.
class LabelSetSniffer {
public:
    LabelSetSniffer() : reader_(std::make_unique<io::MultiLabelReader>()) {}
    val beginFile(std::string name, double total) { return beginRole(name, total, "labels"); }
    // role 'combined': one table holding the labels and the probability columns.
    val beginRole(std::string name, double total, std::string role) {
        return guarded([&] {
            name_ = name;
            const io::FileRole r = role == "combined" ? io::FileRole::combined : io::FileRole::labels;
            reader_->begin_file(r, name, static_cast<std::uint64_t>(total));
            return val::object();
        });
    }
    val feed(val bytes) {
        return guarded([&] {
            const std::vector<std::uint8_t> b = copy_in<std::uint8_t>(bytes);
            reader_->feed(b.data(), b.size());
            return val::object();
        });
    }
    val endFile() {
        return guarded([&] {
            reader_->end_file();
            return val::object();
        });
    }
    val result() const {
        return guarded([&] {
            val r = val::object();
            r.set("rowsWithSeveral", static_cast<double>(reader_->labels_with_several()));
            const std::int64_t first = reader_->first_row_with_several();
            const std::int64_t header_rows = std::max<std::int64_t>(reader_->first_data_row(name_) - 1, 0);
            r.set("firstRow", static_cast<double>(first > header_rows ? first - header_rows : 0));
            r.set("column", static_cast<double>(reader_->labels_column()));
            return r;
        });
    }

private:
    std::unique_ptr<io::MultiLabelReader> reader_;
    std::string name_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(labelscope_multilabel) {
    using namespace emscripten;
    function("mlFindLabelIssues", &on_arrays<Find>);
    function("mlGetLabelQualityScores", &on_arrays<Scores>);
    function("mlComputeConfidentJoint", &on_arrays<Joint>);
    function("mlNumLabelIssues", &on_arrays<NumIssues>);
    function("mlHealthSummary", &on_arrays<Health>);
    function("mlAudit", &on_arrays<Audit>);

    class_<MultiLabelDatasetHandle>("MultiLabelDatasetHandle")
        .function("info", &MultiLabelDatasetHandle::info)
        .function("probabilityRows", &MultiLabelDatasetHandle::probabilityRows)
        .function("findLabelIssues", &MultiLabelDatasetHandle::run<Find>)
        .function("getLabelQualityScores", &MultiLabelDatasetHandle::run<Scores>)
        .function("computeConfidentJoint", &MultiLabelDatasetHandle::run<Joint>)
        .function("numLabelIssues", &MultiLabelDatasetHandle::run<NumIssues>)
        .function("healthSummary", &MultiLabelDatasetHandle::run<Health>)
        .function("audit", &MultiLabelDatasetHandle::run<Audit>);

    class_<MultiLabelReader>("MultiLabelReader")
        .constructor<val>()
        .function("beginFile", &MultiLabelReader::beginFile)
        .function("feed", &MultiLabelReader::feed)
        .function("endFile", &MultiLabelReader::endFile)
        .function("finish", &MultiLabelReader::finish);

    class_<LabelSetSniffer>("LabelSetSniffer")
        .constructor<>()
        .function("beginFile", &LabelSetSniffer::beginFile)
        .function("beginFile", &LabelSetSniffer::beginRole)
        .function("feed", &LabelSetSniffer::feed)
        .function("endFile", &LabelSetSniffer::endFile)
        .function("result", &LabelSetSniffer::result);
}

}  // namespace labelscope::wasm
