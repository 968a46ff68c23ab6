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
#include "wasm/marshal.hpp"

namespace labelscope::wasm {
namespace {

// ---- rows as people count them ------------------------------------------------------------------

// Row N = the N-th data row of its file, header not counted (README); the readers and
// locate_error work in file rows. `first_data_row` = file row of the first data row (0: unknown).
io::ReadError to_data_rows(const io::ReadError& e, std::int64_t first_data_row) {
    const std::int64_t header_rows = first_data_row > 1 ? first_data_row - 1 : 0;
    if (e.row() <= 0 || header_rows == 0) return e;
    const std::int64_t row = e.row() > header_rows ? e.row() - header_rows : 0;
    return io::ReadError(e.code(), e.what(), e.file(), row, e.column());
}

// A reading step: reader errors come out in data rows.
template <class F>
val reading(const io::MultiLabelReader& reader, F&& f) {
    try {
        return f();
    } catch (const io::ReadError& e) {
        const io::ReadError d = to_data_rows(e, reader.first_data_row(e.file()));
        return error_out(d.code(), d.what(), d.file(), d.row(), d.column());
    } catch (...) {
        return guarded([]() -> val { throw; });
    }
}

// ---- options (camelCase names, cleanlab's values) ------------------------------------------------

MultiLabelFindOptions ml_find_options(const val& o) {
    MultiLabelFindOptions f;
    f.find.filter_by = parse_filter_by(str(o, "filterBy", "prune_by_noise_rate"));
    f.find.frac_noise = num(o, "fracNoise", 1.0);
    f.find.min_examples_per_class = static_cast<std::int64_t>(num(o, "minExamplesPerClass", 1));
    f.find.num_to_remove_per_class = int_list(o, "numToRemovePerClass");
    return f;
}

AggregatorOptions aggregator_options(const val& o) {
    AggregatorOptions a;
    a.method = parse_aggregator(str(o, "aggregator", "exponential_moving_average"));
    if (!o["alpha"].isUndefined())
        a.alpha = o["alpha"].isNull() ? std::nullopt : std::optional<double>(num(o, "alpha", 0.8));
    a.temperature = num(o, "temperature", 0.1);
    validate_aggregator(a);
    return a;
}

std::optional<ScoreOptions> ml_rank(const val& o) {
    if (!has(o, "returnIndicesRankedBy") || o["returnIndicesRankedBy"].as<std::string>() == "none") return std::nullopt;
    ScoreOptions s{parse_score_method(o["returnIndicesRankedBy"].as<std::string>()), flag(o, "adjustPredProbs", false)};
    validate_score_options(s);
    return s;
}

ScoreOptions score_options(const val& o) {
    ScoreOptions s{parse_score_method(str(o, "method", "self_confidence")), flag(o, "adjustPredProbs", false)};
    validate_score_options(s);
    return s;
}

// ---- results -------------------------------------------------------------------------------------

val index_lists(const std::vector<IndexList>& lists) {
    val a = val::array();
    for (std::size_t k = 0; k < lists.size(); ++k) a.set(k, out(lists[k]));
    return a;
}

val joints_out(const std::vector<CountMatrix>& m) {
    std::vector<double> flat;  // K x 2 x 2, [class][given][guess]
    for (const auto& c : m) flat.insert(flat.end(), c.values.begin(), c.values.end());
    return out(flat);
}

val health_out(const MultiLabelHealth& h) {
    val r = val::object();
    r.set("overallLabelHealthScore", h.overall_label_health_score);
    val classes = val::array();
    for (std::size_t i = 0; i < h.classes_by_label_quality.size(); ++i) {
        const ClassQuality& q = h.classes_by_label_quality[i];
        val row = val::object();
        row.set("classIndex", q.class_index);
        row.set("labelIssues", static_cast<double>(q.label_issues));
        row.set("inverseLabelIssues", static_cast<double>(q.inverse_label_issues));
        row.set("labelNoise", q.label_noise);
        row.set("inverseLabelNoise", q.inverse_label_noise);
        row.set("labelQualityScore", q.label_quality_score);
        classes.set(i, row);
    }
    r.set("classesByLabelQuality", classes);
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

// ---- the entry points, on any views --------------------------------------------------------------

template <class T>
val find_on(MultiLabelsView y, ProbsView<T> p, const val& o) {
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
        r.set("indices", out(rank ? find_multilabel_label_issues_ranked(y, p, f, *rank, a) : mask_to_indices(mask)));
    }
    r.set("warnings", warnings_out(warnings));
    return r;
}

template <class T>
val scores_on(MultiLabelsView y, ProbsView<T> p, const val& o) {
    const Warnings warnings = validate_multilabel_inputs(y, p, false);
    const ScoreOptions s = score_options(o);
    val r = val::object();
    if (flag(o, "perClass", false))
        r.set("perClass", rows(multilabel_label_quality_scores_per_class(y, p, s)));
    else
        r.set("scores", out(multilabel_label_quality_scores(y, p, s, aggregator_options(o))));
    r.set("warnings", warnings_out(warnings));
    return r;
}

template <class T>
val joint_on(MultiLabelsView y, ProbsView<T> p, const val&) {
    const MultiLabelJoint j = multilabel_compute_confident_joint(y, p);
    val r = val::object();
    r.set("confidentJoint", joints_out(j.calibrated));
    r.set("confidentJointUncalibrated", joints_out(j.uncalibrated));
    r.set("thresholds", rows(multilabel_confident_thresholds(y, p)));
    std::vector<double> q;
    for (const auto& m : multilabel_estimate_joint(y, p)) q.insert(q.end(), m.values.begin(), m.values.end());
    r.set("joint", out(q));
    return r;
}

template <class T>
val num_issues_on(MultiLabelsView y, ProbsView<T> p, const val&) {
    val r = val::object();
    r.set("numLabelIssues", static_cast<double>(multilabel_num_label_issues(y, p)));
    return r;
}

template <class T>
val health_on(MultiLabelsView y, ProbsView<T> p, const val&) {
    const Warnings warnings = validate_multilabel_inputs(y, p, true);
    val r = health_out(multilabel_health_summary(y, p));
    r.set("warnings", warnings_out(warnings));
    return r;
}

template <class T>
val audit_on(MultiLabelsView y, ProbsView<T> p, const val& o) {
    MultiLabelAuditOptions a;
    a.find = ml_find_options(o);
    a.aggregator = aggregator_options(o);
    const bool adjust = flag(o, "adjustPredProbs", false);
    const std::string rank = str(o, "rankBy", "self_confidence");
    if (rank == "none")
        a.rank_by = std::nullopt;
    else
        a.rank_by = ScoreOptions{parse_score_method(rank), adjust};
    const MultiLabelReport rep = audit_multilabel(y, p, a);
    val r = val::object();
    r.set("numExamples", static_cast<double>(rep.num_examples));
    r.set("numClasses", static_cast<double>(rep.num_classes));
    r.set("issues", out(rep.issues));
    r.set("isLabelIssue", out(rep.is_label_issue));
    r.set("labelQuality", out(rep.label_quality));
    r.set("classIssues", index_lists(rep.class_issues));
    r.set("labelCounts", list(rep.label_counts));
    r.set("thresholds", rows(rep.thresholds));
    r.set("confidentJoint", joints_out(rep.confident_joint.calibrated));
    r.set("confidentJointUncalibrated", joints_out(rep.confident_joint.uncalibrated));
    r.set("numLabelIssues", static_cast<double>(rep.num_label_issues));
    r.set("health", health_out(rep.health));
    r.set("warnings", warnings_out(rep.warnings));
    return r;
}

// ---- arrays in -----------------------------------------------------------------------------------

struct Arrays {
    std::vector<std::int32_t> offsets, classes;
    std::vector<double> probs;
    std::size_t n = 0, k = 0;
};

Arrays arrays_in(const val& offsets, const val& classes, const val& probs, double k) {
    Arrays a;
    a.offsets = copy_in<std::int32_t>(offsets);
    a.classes = copy_in<std::int32_t>(classes);
    a.probs = copy_in<double>(probs);
    if (a.offsets.empty() || static_cast<std::size_t>(a.offsets.back()) != a.classes.size() || a.offsets[0] != 0)
        throw LabelScopeError(ErrorCode::invalid_option, "labels offsets must start at 0 and end at classes.length.");
    a.n = a.offsets.size() - 1;
    a.k = static_cast<std::size_t>(k);
    if (a.k == 0 || a.probs.size() != a.n * a.k)
        throw LabelScopeError(ErrorCode::length_mismatch,
                              "labels has " + std::to_string(a.n) + " label sets but predProbs holds " +
                                  std::to_string(a.probs.size()) + " values, not " + std::to_string(a.n) + " rows of " +
                                  std::to_string(a.k) + ".");
    return a;
}

#define ML_ARRAY_ENTRY(name, fn)                                                \
    val name(val offsets, val classes, val probs, double k, val o) {            \
        return guarded([&] {                                                    \
            const Arrays a = arrays_in(offsets, classes, probs, k);             \
            return fn(MultiLabelsView{a.offsets.data(), a.classes.data(), a.n}, \
                      ProbsView<double>{a.probs.data(), a.n, a.k}, o);          \
        });                                                                     \
    }
ML_ARRAY_ENTRY(ml_find_arrays, find_on)
ML_ARRAY_ENTRY(ml_scores_arrays, scores_on)
ML_ARRAY_ENTRY(ml_joint_arrays, joint_on)
ML_ARRAY_ENTRY(ml_num_issues_arrays, num_issues_on)
ML_ARRAY_ENTRY(ml_health_arrays, health_on)
ML_ARRAY_ENTRY(ml_audit_arrays, audit_on)
#undef ML_ARRAY_ENTRY

// ---- datasets read from files --------------------------------------------------------------------

// Core errors about example i / class k become the file, row and column they came from.
template <class F>
val located(F&& f, const io::MultiLabelDataset& d) {
    try {
        return f();
    } catch (const LabelScopeError& e) {
        io::Dataset where;
        where.source = d.source;
        io::ReadError l = io::locate_error(e, where);
        l = to_data_rows(l, l.file() == d.source.labels_file ? d.source.labels_first_row : d.source.probs_first_row);
        return error_out(l.code(), e.what(), l.file(), l.row(), l.column(), e.example(), e.class_index());
    } catch (...) {
        return guarded([]() -> val { throw; });
    }
}

class MultiLabelDatasetHandle {
public:
    explicit MultiLabelDatasetHandle(std::shared_ptr<io::MultiLabelDataset> d) : d_(std::move(d)) {}

    val info() const {
        const io::MultiLabelDataset& d = *d_;
        val r = val::object();
        r.set("numExamples", static_cast<double>(d.num_examples));
        r.set("numClasses", static_cast<double>(d.num_classes));
        val names = val::array();
        for (std::size_t c = 0; c < d.class_names.size(); ++c) names.set(c, d.class_names[c]);
        r.set("classNames", names);
        r.set("notation", std::string(io::to_string(d.notation)));
        r.set("rowsWithSeveral", static_cast<double>(d.rows_with_several));
        r.set("offsets", out(d.offsets));
        r.set("classes", out(d.classes));
        val extra = val::array();
        for (std::size_t c = 0; c < d.extra_columns.size(); ++c) {
            val col = val::object();
            col.set("name", d.extra_columns[c].name);
            val values = val::array();
            for (std::size_t i = 0; i < d.extra_columns[c].values.size(); ++i)
                values.set(i, d.extra_columns[c].values[i]);
            col.set("values", values);
            extra.set(c, col);
        }
        r.set("extraColumns", extra);
        val source = val::object();
        source.set("labelsFile", d.source.labels_file);
        source.set("labelsFirstRow", static_cast<double>(d.source.labels_first_row));
        source.set("labelsColumn", static_cast<double>(d.source.labels_column));
        source.set("probsFile", d.source.probs_file);
        source.set("probsFirstRow", static_cast<double>(d.source.probs_first_row));
        r.set("source", source);
        val notes = val::array();
        for (std::size_t i = 0; i < d.notes.size(); ++i) notes.set(i, d.notes[i]);
        r.set("notes", notes);
        r.set("fingerprint", d.fingerprint);
        return r;
    }

    // Probabilities of rows [start, start + count) as a flat Float64Array.
    val probabilityRows(double start, double count) const {
        const io::MultiLabelDataset& d = *d_;
        const std::size_t s = std::min(static_cast<std::size_t>(start), d.num_examples);
        const std::size_t e = std::min(s + static_cast<std::size_t>(count), d.num_examples);
        std::vector<double> v((e - s) * d.num_classes);
        for (std::size_t i = 0; i < v.size(); ++i)
            v[i] = d.is_float32() ? d.probs_f32[s * d.num_classes + i] : d.probs[s * d.num_classes + i];
        val r = val::object();
        r.set("values", out(v));
        return r;
    }

#define ML_DATASET_ENTRY(name, fn)                                                 \
    val name(val o) const {                                                        \
        const io::MultiLabelDataset& d = *d_;                                      \
        return located(                                                            \
            [&] {                                                                  \
                return d.is_float32() ? fn(d.labels_view(), d.probs_view_f32(), o) \
                                      : fn(d.labels_view(), d.probs_view(), o);    \
            },                                                                     \
            d);                                                                    \
    }
    ML_DATASET_ENTRY(findLabelIssues, find_on)
    ML_DATASET_ENTRY(getLabelQualityScores, scores_on)
    ML_DATASET_ENTRY(computeConfidentJoint, joint_on)
    ML_DATASET_ENTRY(numLabelIssues, num_issues_on)
    ML_DATASET_ENTRY(healthSummary, health_on)
    ML_DATASET_ENTRY(audit, audit_on)
#undef ML_DATASET_ENTRY

private:
    std::shared_ptr<io::MultiLabelDataset> d_;
};

class MultiLabelReader {
public:
    explicit MultiLabelReader(val o) {
        io::ReadOptions r;
        r.float32 = flag(o, "float32", false);
        r.label_column = str(o, "labelColumn", "");
        if (has(o, "classNames"))
            for (std::size_t i = 0; i < o["classNames"]["length"].as<std::size_t>(); ++i)
                r.class_names.push_back(o["classNames"][i].as<std::string>());
        reader_ = std::make_unique<io::MultiLabelReader>(r);
    }

    val beginFile(std::string role, std::string name, double total_bytes) {
        return reading(*reader_, [&] {
            const io::FileRole r = role == "labels"      ? io::FileRole::labels
                                   : role == "predProbs" ? io::FileRole::pred_probs
                                                         : io::FileRole::combined;
            reader_->begin_file(r, name, static_cast<std::uint64_t>(total_bytes));
            return val::object();
        });
    }

    val feed(val bytes) {
        return reading(*reader_, [&] {
            const auto n = bytes["length"].as<std::size_t>();
            buffer_.resize(n);
            val(emscripten::typed_memory_view(n, buffer_.data())).call<void>("set", bytes);
            reader_->feed(buffer_.data(), n);
            return val::object();
        });
    }

    val endFile() {
        return reading(*reader_, [&] {
            reader_->end_file();
            return val::object();
        });
    }

    // {dataset: MultiLabelDatasetHandle, warnings} or {error}. The caller owns the handle.
    val finish() {
        return reading(*reader_, [&] {
            auto d = std::make_shared<io::MultiLabelDataset>(reader_->finish());
            Warnings warnings;
            try {
                warnings = io::validate_multilabel_dataset(*d, false);
            } catch (const io::ReadError& e) {
                throw to_data_rows(
                    e, e.file() == d->source.labels_file ? d->source.labels_first_row : d->source.probs_first_row);
            }
            val r = val::object();
            r.set("dataset", MultiLabelDatasetHandle(d));
            r.set("warnings", warnings_out(warnings));
            return r;
        });
    }

private:
    std::unique_ptr<io::MultiLabelReader> reader_;
    std::vector<std::uint8_t> buffer_;
};

// A labels file read as single-label sets: how many rows hold more than one class, and the first
// such row (the "looks multi-label" message). {rowsWithSeveral, firstRow, column} or {error}.
class LabelSetSniffer {
public:
    LabelSetSniffer() : reader_(std::make_unique<io::MultiLabelReader>()) {}
    val beginFile(std::string name, double total) {
        return guarded([&] {
            name_ = name;
            reader_->begin_file(io::FileRole::labels, name, static_cast<std::uint64_t>(total));
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
    function("mlFindLabelIssues", &ml_find_arrays);
    function("mlGetLabelQualityScores", &ml_scores_arrays);
    function("mlComputeConfidentJoint", &ml_joint_arrays);
    function("mlNumLabelIssues", &ml_num_issues_arrays);
    function("mlHealthSummary", &ml_health_arrays);
    function("mlAudit", &ml_audit_arrays);

    class_<MultiLabelDatasetHandle>("MultiLabelDatasetHandle")
        .function("info", &MultiLabelDatasetHandle::info)
        .function("probabilityRows", &MultiLabelDatasetHandle::probabilityRows)
        .function("findLabelIssues", &MultiLabelDatasetHandle::findLabelIssues)
        .function("getLabelQualityScores", &MultiLabelDatasetHandle::getLabelQualityScores)
        .function("computeConfidentJoint", &MultiLabelDatasetHandle::computeConfidentJoint)
        .function("numLabelIssues", &MultiLabelDatasetHandle::numLabelIssues)
        .function("healthSummary", &MultiLabelDatasetHandle::healthSummary)
        .function("audit", &MultiLabelDatasetHandle::audit);

    class_<MultiLabelReader>("MultiLabelReader")
        .constructor<val>()
        .function("beginFile", &MultiLabelReader::beginFile)
        .function("feed", &MultiLabelReader::feed)
        .function("endFile", &MultiLabelReader::endFile)
        .function("finish", &MultiLabelReader::finish);

    class_<LabelSetSniffer>("LabelSetSniffer")
        .constructor<>()
        .function("beginFile", &LabelSetSniffer::beginFile)
        .function("feed", &LabelSetSniffer::feed)
        .function("endFile", &LabelSetSniffer::endFile)
        .function("result", &LabelSetSniffer::result);
}

}  // namespace labelscope::wasm
