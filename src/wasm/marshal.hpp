// Conversions shared by every binding file (src/wasm/bind_*.cpp): typed arrays and option objects
// in, typed arrays and plain objects out, and guarded(), which turns any C++ error into the
// {error: {code, message, file, row, column}} value src/js/errors.js raises as a LabelScopeError.
#pragma once
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "core/label_probabilities.hpp"
#include "core/labelscope.hpp"
#include "io/dataset_reader.hpp"
#include "io/multilabel_reader.hpp"

namespace labelscope::wasm {

using emscripten::val;

// How much WebAssembly memory the failed step needed and what to do about it (marshal.cpp); with
// `float32` (the probabilities are float32 already) the advice does not suggest float32.
std::string out_of_memory_message(bool float32 = false);

// ---- JS -> C++ ---------------------------------------------------------------------------------

template <class T>
std::vector<T> copy_in(const val& typed_array) {
    const auto n = typed_array["length"].as<std::size_t>();
    std::vector<T> out(n);
    // One memcpy into the heap (a per-element loop is ~30x slower for large inputs).
    val(emscripten::typed_memory_view(n, out.data())).call<void>("set", typed_array);
    return out;
}

inline bool has(const val& o, const char* key) { return !o[key].isUndefined() && !o[key].isNull(); }
inline std::string str(const val& o, const char* key, const char* fallback) {
    return has(o, key) ? o[key].as<std::string>() : fallback;
}
inline double num(const val& o, const char* key, double fallback) {
    return has(o, key) ? o[key].as<double>() : fallback;
}
inline bool flag(const val& o, const char* key, bool fallback) { return has(o, key) ? o[key].as<bool>() : fallback; }

inline std::vector<std::int64_t> int_list(const val& o, const char* key) {
    std::vector<std::int64_t> out;
    if (!has(o, key)) return out;
    const auto n = o[key]["length"].as<std::size_t>();
    for (std::size_t i = 0; i < n; ++i) out.push_back(static_cast<std::int64_t>(o[key][i].as<double>()));
    return out;
}
// An array of strings (empty when not given).
inline std::vector<std::string> strings_in(const val& o, const char* key) {
    std::vector<std::string> out;
    if (!has(o, key)) return out;
    const auto n = o[key]["length"].as<std::size_t>();
    for (std::size_t i = 0; i < n; ++i) out.push_back(o[key][i].as<std::string>());
    return out;
}

// A JS array of strings in which null/undefined mark missing cells: the strings ("" where missing)
// and the missing flags, as a table's string column takes them.
struct StringsWithMissing {
    std::vector<std::string> strings;
    std::vector<std::uint8_t> missing;
};
inline StringsWithMissing strings_with_missing(const val& values) {
    const auto n = values["length"].as<std::size_t>();
    StringsWithMissing out{std::vector<std::string>(n), std::vector<std::uint8_t>(n, 0)};
    for (std::size_t i = 0; i < n; ++i) {
        const val v = values[i];
        if (v.isNull() || v.isUndefined())
            out.missing[i] = 1;
        else
            out.strings[i] = v.as<std::string>();
    }
    return out;
}

// Option fields start from the core's option structs: o[key] overrides the core's default only
// when given (undefined and null keep it), so no default is repeated here.
inline void set_if(const val& o, const char* key, std::string& field) {
    if (has(o, key)) field = o[key].as<std::string>();
}
inline void set_if(const val& o, const char* key, double& field) {
    if (has(o, key)) field = o[key].as<double>();
}
inline void set_if(const val& o, const char* key, bool& field) {
    if (has(o, key)) field = o[key].as<bool>();
}
inline void set_if(const val& o, const char* key, std::int64_t& field) {
    if (has(o, key)) field = static_cast<std::int64_t>(o[key].as<double>());
}
inline void set_if(const val& o, const char* key, std::vector<std::int64_t>& field) {
    if (has(o, key)) field = int_list(o, key);
}
// The fields FindIssuesOptions and FindIssuesRequest share (filter_by is parsed by the caller).
template <class Find>
void set_find_fields(const val& o, Find& f) {
    set_if(o, "fracNoise", f.frac_noise);
    set_if(o, "minExamplesPerClass", f.min_examples_per_class);
    set_if(o, "numToRemovePerClass", f.num_to_remove_per_class);
}

// A ranking named by o[key] ("none": none) with o.adjustPredProbs; `fallback` when o[key] is not given.
inline std::optional<ScoreOptions> rank_in(const val& o, const char* key, std::optional<ScoreOptions> fallback) {
    std::optional<ScoreOptions> s = fallback;
    if (has(o, key)) {
        const std::string name = o[key].as<std::string>();
        s = name == "none" ? std::nullopt : std::optional<ScoreOptions>(ScoreOptions{parse_score_method(name)});
    }
    if (s) set_if(o, "adjustPredProbs", s->adjust_pred_probs);
    return s;
}
// Label quality score options: o.method, o.adjustPredProbs.
inline ScoreOptions scores_in(const val& o) {
    ScoreOptions s;
    if (has(o, "method")) s.method = parse_score_method(o["method"].as<std::string>());
    set_if(o, "adjustPredProbs", s.adjust_pred_probs);
    return s;
}

// A file's role by the JS API's name ("labels", "predProbs", anything else: one combined file).
inline io::FileRole file_role(const std::string& role) {
    return role == "labels"      ? io::FileRole::labels
           : role == "predProbs" ? io::FileRole::pred_probs
                                 : io::FileRole::combined;
}

// ---- C++ -> JS ---------------------------------------------------------------------------------

template <class T>
val typed(const char* type, const std::vector<T>& v) {
    return val::global(type).new_(emscripten::typed_memory_view(v.size(), v.data()));  // a copy
}
inline val out(const std::vector<double>& v) { return typed("Float64Array", v); }
inline val out(const std::vector<std::int32_t>& v) { return typed("Int32Array", v); }
inline val out(const std::vector<std::uint8_t>& v) { return typed("Uint8Array", v); }

// A matrix as { shape: [rows, cols], values: Float64Array }: src/js/records.js makes the row
// arrays (setting K x K elements one call at a time took most of a 10k x 100 audit).
template <class T>
val matrix_out(const Matrix<T>& m) {
    val shape = val::array();
    shape.set(0, static_cast<double>(m.rows));
    shape.set(1, static_cast<double>(m.cols));
    val matrix = val::object();
    matrix.set("shape", shape);
    matrix.set("values", out(std::vector<double>(m.values.begin(), m.values.end())));
    return matrix;
}
inline val list(const std::vector<double>& v) {
    val a = val::array();
    for (std::size_t i = 0; i < v.size(); ++i) a.set(i, v[i]);
    return a;
}
inline val list(const std::vector<std::int64_t>& v) {
    val a = val::array();
    for (std::size_t i = 0; i < v.size(); ++i) a.set(i, static_cast<double>(v[i]));
    return a;
}

inline val strings_out(const std::vector<std::string>& v) {
    val a = val::array();
    for (std::size_t i = 0; i < v.size(); ++i) a.set(i, v[i]);
    return a;
}

// Defined in marshal.cpp: objects both the single- and the multi-label results use.
// [{classIndex, labelIssues, inverseLabelIssues, labelNoise, inverseLabelNoise, labelQualityScore}]
val class_quality_out(const std::vector<ClassQuality>& classes);
// [{name, values: [string]}]: a file's id/text columns.
val text_columns_out(const std::vector<io::TextColumn>& columns);
// {classA, classB, numOverlappingExamples, jointProbability}: one typed array per field.
val overlaps_out(const std::vector<ClassOverlap>& pairs);
// A matrix's non-zero cells as { shape: [rows, cols], row: Int32Array, col: Int32Array, value: Float64Array }.
val sparse_out(const SparseMatrix& m);
// Sets py, noiseMatrix and inverseNoiseMatrix on o; returns o.
val latent_out(val o, const LatentEstimates& l);
// The JS API's audit() result (src/js/records.js shapes it; tests/tools/audit_dump.cpp prints the same).
val report_out(const Report& report, const LabelProbabilities& probs, const AuditOptions& options);

inline val warnings_out(const Warnings& ws) {
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

inline val error_out(const std::string& code, const std::string& message, const std::string& file = {},
                     std::int64_t row = 0, std::int64_t column = 0, std::int64_t example = -1, std::int64_t cls = -1,
                     std::int64_t line = 0) {
    val e = val::object();
    e.set("code", code);
    e.set("message", message);
    if (!file.empty()) e.set("file", file);
    if (row > 0) e.set("row", static_cast<double>(row));
    if (line > 0) e.set("line", static_cast<double>(line));  // the header's line (io::ReadError::line)
    if (column > 0) e.set("column", static_cast<double>(column));
    if (example >= 0) e.set("example", static_cast<double>(example));
    if (cls >= 0) e.set("classIndex", static_cast<double>(cls));
    val r = val::object();
    r.set("error", e);
    return r;
}

// A core error about example i / class k of a dataset, as the file, row and column it came from
// (in data rows, header not counted).
inline io::ReadError located(const LabelScopeError& e, const io::Dataset& d) {
    return io::in_data_rows(io::locate_error(e, d), d);
}
inline io::ReadError located(const LabelScopeError& e, const io::MultiLabelDataset& d) {
    io::Dataset where;  // locate_error reads the source map only
    where.source = d.source;
    return located(e, where);
}

// Runs f, turning any C++ exception into an error value (never a bare pointer or an abort).
// `dataset`: the analysis runs on its values (io::Dataset or io::MultiLabelDataset), so core
// errors are located in its files. `float32`: the probabilities are stored as float32 (a Reader
// with the float32 option).
template <class F, class D = io::Dataset>
val guarded(F&& f, const D* dataset = nullptr, bool float32 = false) {
    try {
        return f();
    } catch (const LabelScopeError& e) {
        if (dataset != nullptr) {
            const io::ReadError l = located(e, *dataset);
            return error_out(l.code(), e.what(), l.file(), l.row(), l.column(), e.example(), e.class_index());
        }
        return error_out(to_string(e.code()), e.what(), {}, 0, 0, e.example(), e.class_index());
    } catch (const io::ReadError& e) {
        return error_out(e.code(), e.what(), e.file(), e.row(), e.column(), -1, -1, e.line());
    } catch (const std::bad_alloc&) {
        return error_out("out_of_memory",
                         out_of_memory_message(float32 || (dataset != nullptr && dataset->is_float32())));
    } catch (const std::exception& e) {
        return error_out("internal_error", std::string("Unexpected error: ") + e.what());
    }
}

}  // namespace labelscope::wasm
