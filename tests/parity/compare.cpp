#include "parity/compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace parity {
namespace {

std::string jdump(const json& v) {
    std::string s = v.dump();
    return s.size() > 80 ? s.substr(0, 77) + "..." : s;
}

std::string size_mismatch(const char* what, std::size_t expected, std::size_t actual) {
    return std::string(what) + ": expected " + std::to_string(expected) + ", got " + std::to_string(actual);
}

// Exact integer from JSON (Python ints are written without a decimal point).
bool json_int(const json& v, std::int64_t& out) {
    if (v.is_number_integer()) {
        out = v.get<std::int64_t>();
        return true;
    }
    return false;
}

std::string real_mismatch(const std::string& where, double e, double a, double rel) {
    std::string s = where + ": expected " + fmt(e) + ", got " + fmt(a);
    if (std::isfinite(e) && std::isfinite(a)) {
        const double scale = std::max(std::fabs(e), std::fabs(a));
        char buf[96];
        std::snprintf(buf, sizeof buf, " (|diff| %.3g, relative %.3g, allowed %.0e relative)", std::fabs(a - e),
                      scale > 0 ? std::fabs(a - e) / scale : 0.0, rel);
        s += buf;
    }
    return s;
}

// Compares reals element-wise; `name_at(i)` names element i; reports the first bad one and how many.
template <class Get, class Name>
Cmp compare_reals(const json& expected_list, std::size_t n, Get actual_at, Name name_at, double rel) {
    Cmp r;
    std::size_t bad = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double e = json_real(expected_list[i]);
        const double a = actual_at(i);
        ++r.values;
        if (!reals_match(e, a, rel)) {
            if (bad == 0) r.error = real_mismatch(name_at(i), e, a, rel);
            ++bad;
        }
    }
    if (bad > 1) r.error += "; " + std::to_string(bad) + " of " + std::to_string(n) + " elements differ";
    return r;
}

std::string idx(std::size_t i) { return "first difference at index " + std::to_string(i); }
std::string cell(std::size_t r, std::size_t c) {
    return "first difference at [" + std::to_string(r) + "][" + std::to_string(c) + "]";
}

}  // namespace

std::string fmt(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

bool reals_match(double e, double a, double rel) {
    if (std::isnan(e) || std::isnan(a)) return std::isnan(e) && std::isnan(a);
    if (std::isinf(e) || std::isinf(a)) return e == a;
    const double diff = std::fabs(a - e);
    return diff <= std::max(rel * std::max(std::fabs(e), std::fabs(a)), ABS_ZERO_FLOOR);
}

double json_real(const json& v) {
    if (v.is_number()) return v.get<double>();
    if (v.is_string()) {
        const auto& s = v.get_ref<const std::string&>();
        if (s == "NaN") return std::numeric_limits<double>::quiet_NaN();
        if (s == "Infinity") return std::numeric_limits<double>::infinity();
        if (s == "-Infinity") return -std::numeric_limits<double>::infinity();
    }
    throw std::runtime_error("not a recorded real number: " + jdump(v));
}

Cmp compare_int(const json& expected, std::int64_t actual) {
    Cmp r;
    r.values = 1;
    std::int64_t e = 0;
    if (!json_int(expected, e))
        r.error = "expected value is not an integer: " + jdump(expected);
    else if (e != actual)
        r.error = "expected " + std::to_string(e) + ", got " + std::to_string(actual);
    return r;
}

Cmp compare_bool(const json& expected, bool actual) {
    Cmp r;
    r.values = 1;
    if (!expected.is_boolean())
        r.error = "expected value is not a boolean: " + jdump(expected);
    else if (expected.get<bool>() != actual)
        r.error = std::string("expected ") + (actual ? "false" : "true") + ", got " + (actual ? "true" : "false");
    return r;
}

Cmp compare_real(const json& expected, double actual, double rel) {
    Cmp r;
    r.values = 1;
    const double e = json_real(expected);
    if (!reals_match(e, actual, rel)) r.error = real_mismatch("value", e, actual, rel);
    return r;
}

Cmp compare_index_list(const json& expected, const labelscope::IndexList& actual) {
    Cmp r;
    if (!expected.is_array()) return {"expected value is not a list: " + jdump(expected), 0};
    const std::size_t n = std::min(expected.size(), actual.size());
    r.values = expected.size();
    for (std::size_t i = 0; i < n; ++i) {
        std::int64_t e = 0;
        if (!json_int(expected[i], e)) return {"expected element " + std::to_string(i) + " is not an integer", 0};
        if (e != actual[i]) {
            r.error = idx(i) + ": expected " + std::to_string(e) + ", got " + std::to_string(actual[i]);
            break;
        }
    }
    if (expected.size() != actual.size()) {
        std::string s = size_mismatch("length", expected.size(), actual.size());
        if (r.error.empty()) {
            // Same prefix: the first difference is the first extra / missing element.
            s += "; " + idx(n) + ": " +
                 (expected.size() > n ? "expected " + expected[n].dump() + ", got nothing"
                                      : "expected nothing, got " + std::to_string(actual[n]));
        } else {
            s += "; " + r.error;
        }
        r.error = s;
    }
    return r;
}

Cmp compare_real_vector(const json& expected, const std::vector<double>& actual, double rel) {
    if (!expected.is_array()) return {"expected value is not a list: " + jdump(expected), 0};
    if (expected.size() != actual.size()) return {size_mismatch("length", expected.size(), actual.size()), 0};
    return compare_reals(
        expected, actual.size(), [&](std::size_t i) { return actual[i]; }, [](std::size_t i) { return idx(i); }, rel);
}

Cmp compare_count_matrix(const json& expected, const labelscope::CountMatrix& actual) {
    Cmp r;
    if (!expected.is_array() || expected.size() != actual.rows)
        return {size_mismatch("rows", expected.is_array() ? expected.size() : 0, actual.rows), 0};
    for (std::size_t i = 0; i < actual.rows; ++i) {
        const json& row = expected[i];
        if (!row.is_array() || row.size() != actual.cols)
            return {"row " + std::to_string(i) + ": " +
                        size_mismatch("columns", row.is_array() ? row.size() : 0, actual.cols),
                    0};
        for (std::size_t j = 0; j < actual.cols; ++j) {
            ++r.values;
            std::int64_t e = 0;
            if (!json_int(row[j], e)) return {cell(i, j) + ": expected value is not an integer: " + jdump(row[j]), 0};
            if (r.error.empty() && e != actual(i, j))
                r.error = cell(i, j) + ": expected " + std::to_string(e) + ", got " + std::to_string(actual(i, j));
        }
    }
    return r;
}

Cmp compare_real_matrix(const json& expected, const labelscope::RealMatrix& actual, double rel) {
    if (!expected.is_array() || expected.size() != actual.rows)
        return {size_mismatch("rows", expected.is_array() ? expected.size() : 0, actual.rows), 0};
    json flat = json::array();
    for (std::size_t i = 0; i < actual.rows; ++i) {
        const json& row = expected[i];
        if (!row.is_array() || row.size() != actual.cols)
            return {"row " + std::to_string(i) + ": " +
                        size_mismatch("columns", row.is_array() ? row.size() : 0, actual.cols),
                    0};
        for (const auto& v : row) flat.push_back(v);
    }
    const std::size_t cols = actual.cols;
    return compare_reals(
        flat, actual.values.size(), [&](std::size_t i) { return actual.values[i]; },
        [cols](std::size_t i) { return cell(i / cols, i % cols); }, rel);
}

namespace {

// Checks that a row object has exactly the given columns.
std::string check_columns(const json& row, std::size_t r, const std::vector<const char*>& columns) {
    if (!row.is_object()) return "row " + std::to_string(r) + " is not an object";
    for (const auto& item : row.items())
        if (std::none_of(columns.begin(), columns.end(), [&](const char* c) { return item.key() == c; }))
            return "row " + std::to_string(r) + ": unknown column '" + item.key() + "'";
    for (const char* c : columns)
        if (!row.contains(c)) return "row " + std::to_string(r) + ": missing column '" + c + "'";
    return {};
}

struct TableCmp {
    Cmp r;
    std::size_t row = 0;
    void integer(const json& row_obj, const char* col, std::int64_t actual) {
        ++r.values;
        if (!r.error.empty()) return;
        std::int64_t e = 0;
        if (!json_int(row_obj.at(col), e))
            r.error = "row " + std::to_string(row) + " column '" + col + "': expected value is not an integer";
        else if (e != actual)
            r.error = "first difference at row " + std::to_string(row) + " column '" + col + "': expected " +
                      std::to_string(e) + ", got " + std::to_string(actual);
    }
    void real(const json& row_obj, const char* col, double actual, double rel) {
        ++r.values;
        if (!r.error.empty()) return;
        const double e = json_real(row_obj.at(col));
        if (!reals_match(e, actual, rel))
            r.error = real_mismatch("first difference at row " + std::to_string(row) + " column '" + col + "'", e,
                                    actual, rel);
    }
};

}  // namespace

Cmp compare_class_quality_table(const json& expected, const std::vector<labelscope::ClassQuality>& actual, double rel) {
    static const std::vector<const char*> columns = {"Class Index", "Label Issues",        "Inverse Label Issues",
                                                     "Label Noise", "Inverse Label Noise", "Label Quality Score"};
    if (!expected.is_array()) return {"expected value is not a list of rows", 0};
    if (expected.size() != actual.size()) return {size_mismatch("rows", expected.size(), actual.size()), 0};
    TableCmp t;
    for (t.row = 0; t.row < actual.size(); ++t.row) {
        const json& e = expected[t.row];
        if (auto err = check_columns(e, t.row, columns); !err.empty()) return {err, 0};
        const auto& a = actual[t.row];
        t.integer(e, "Class Index", a.class_index);
        t.integer(e, "Label Issues", a.label_issues);
        t.integer(e, "Inverse Label Issues", a.inverse_label_issues);
        t.real(e, "Label Noise", a.label_noise, rel);
        t.real(e, "Inverse Label Noise", a.inverse_label_noise, rel);
        t.real(e, "Label Quality Score", a.label_quality_score, rel);
    }
    return t.r;
}

Cmp compare_overlap_table(const json& expected, const std::vector<labelscope::ClassOverlap>& actual, double rel) {
    static const std::vector<const char*> columns = {"Class Index A", "Class Index B", "Num Overlapping Examples",
                                                     "Joint Probability"};
    if (!expected.is_array()) return {"expected value is not a list of rows", 0};
    if (expected.size() != actual.size()) return {size_mismatch("rows", expected.size(), actual.size()), 0};
    TableCmp t;
    for (t.row = 0; t.row < actual.size(); ++t.row) {
        const json& e = expected[t.row];
        if (auto err = check_columns(e, t.row, columns); !err.empty()) return {err, 0};
        const auto& a = actual[t.row];
        t.integer(e, "Class Index A", a.class_a);
        t.integer(e, "Class Index B", a.class_b);
        t.integer(e, "Num Overlapping Examples", a.num_overlapping_examples);
        t.real(e, "Joint Probability", a.joint_probability, rel);
    }
    return t.r;
}

namespace {
bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }
}  // namespace

bool same_table(const std::vector<labelscope::ClassQuality>& a, const std::vector<labelscope::ClassQuality>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
        return x.class_index == y.class_index && x.label_issues == y.label_issues &&
               x.inverse_label_issues == y.inverse_label_issues && same_bits(x.label_noise, y.label_noise) &&
               same_bits(x.inverse_label_noise, y.inverse_label_noise) &&
               same_bits(x.label_quality_score, y.label_quality_score);
    });
}

bool same_table(const std::vector<labelscope::ClassOverlap>& a, const std::vector<labelscope::ClassOverlap>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
        return x.class_a == y.class_a && x.class_b == y.class_b &&
               x.num_overlapping_examples == y.num_overlapping_examples &&
               same_bits(x.joint_probability, y.joint_probability);
    });
}

labelscope::CountMatrix json_count_matrix(const json& v) {
    const std::size_t rows = v.size();
    const std::size_t cols = rows ? v.at(0).size() : 0;
    labelscope::CountMatrix m(rows, cols);
    for (std::size_t i = 0; i < rows; ++i) {
        if (v.at(i).size() != cols) throw std::runtime_error("ragged count matrix");
        for (std::size_t j = 0; j < cols; ++j) {
            if (!v[i][j].is_number_integer()) throw std::runtime_error("count matrix entry is not an integer");
            m(i, j) = v[i][j].get<std::int64_t>();
        }
    }
    return m;
}

labelscope::RealMatrix json_real_matrix(const json& v) {
    const std::size_t rows = v.size();
    const std::size_t cols = rows ? v.at(0).size() : 0;
    labelscope::RealMatrix m(rows, cols);
    for (std::size_t i = 0; i < rows; ++i) {
        if (v.at(i).size() != cols) throw std::runtime_error("ragged real matrix");
        for (std::size_t j = 0; j < cols; ++j) m(i, j) = json_real(v[i][j]);
    }
    return m;
}

Cmp compare_ranked_by_scores(const json& expected, const labelscope::IndexList& actual,
                             const std::vector<double>& scores, double rel) {
    Cmp exact = compare_index_list(expected, actual);
    if (exact.ok() || expected.size() != actual.size()) return exact;
    std::vector<std::int64_t> want(expected.size());
    for (std::size_t i = 0; i < want.size(); ++i)
        if (!json_int(expected[i], want[i]) || want[i] < 0 || static_cast<std::size_t>(want[i]) >= scores.size())
            return {"expected element " + std::to_string(i) + " is not an example index", 0};
    std::vector<std::int64_t> a(actual.begin(), actual.end()), b = want;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    if (a != b) return {"different examples flagged; " + exact.error, 0};
    for (std::size_t p = 0; p < want.size(); ++p) {
        const double se = scores[static_cast<std::size_t>(want[p])], sa = scores[static_cast<std::size_t>(actual[p])];
        if (!reals_match(se, sa, rel))
            return {idx(p) + ": expected example " + std::to_string(want[p]) + " (score " + fmt(se) + "), got " +
                        std::to_string(actual[p]) + " (score " + fmt(sa) + ")",
                    0};
    }
    return {"", want.size()};
}

Cmp compare_one_minus(const json& expected, const std::vector<double>& actual, double rel) {
    if (!expected.is_array()) return {"expected value is not a list: " + jdump(expected), 0};
    json h = json::array();
    for (const auto& v : expected) h.push_back(1.0 - json_real(v));
    std::vector<double> ours(actual.size());
    for (std::size_t i = 0; i < actual.size(); ++i) ours[i] = 1.0 - actual[i];
    return compare_real_vector(h, ours, rel);
}

}  // namespace parity
