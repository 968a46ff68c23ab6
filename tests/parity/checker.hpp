// Walks one golden case: hands out expected values by JSON path, applies the stable-sort
// replacements (docs/ALGORITHMS.md §11, §17), reports mismatches as doctest failures naming case + path, counts
// the checked outputs, and at the end fails on any recorded key that no check consumed.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "parity/compare.hpp"
#include "parity/golden_case.hpp"

namespace parity {

// Counting rule: one "output" = one recorded result compared as a unit (an index list, a score
// vector, a matrix, a scalar, a boolean, a table, or a recorded error). `values` additionally
// counts the scalar values inside them (table cells, matrix entries, list elements).
struct CaseCount {
    std::size_t outputs = 0;
    std::size_t values = 0;
};

class Checker {
public:
    explicit Checker(const GoldenCase& gc);

    const GoldenCase& gc;

    // Object keys at `path` in the recorded tree (empty if the node is absent or not an object).
    std::vector<std::string> keys(const std::string& path) const;
    bool has(const std::string& path) const;
    // The expected value at `path`: stable_sort_values[path] when the path is tie-sensitive, else
    // the main tree. Does not mark it consumed (use for inputs and cross-checks). Throws if absent.
    const nlohmann::json& value(const std::string& path) const;
    // Same, and marks the whole subtree at `path` as consumed.
    const nlohmann::json& take(const std::string& path);

    // The output at `path`: runs `compare` on the expected value and records the result.
    // If the recorded value is an error ({error_type, error_message}), `compare` must instead
    // throw LabelScopeError(invalid_option) (see error_code_for). Exceptions are failures.
    void check(const std::string& path, const std::function<Cmp(const nlohmann::json&)>& compare);

    // Runs a computation shared by several outputs under `path`. On an exception reports one
    // failure, consumes the subtree and returns nullopt.
    template <class F>
    auto compute(const std::string& path, F&& f) -> std::optional<decltype(f())> {
        try {
            return f();
        } catch (const std::exception& e) {
            fail(path, describe_exception(e));
            take(path);
            return std::nullopt;
        }
    }

    void fail(const std::string& path, const std::string& what);

    // Coverage of the recorded tree and of the tie-sensitive paths. Call once, last.
    void finish();

    const CaseCount& count() const { return count_; }

    static bool is_error_record(const nlohmann::json& v);
    static std::string describe_exception(const std::exception& e);

private:
    std::set<std::string> consumed_;
    std::set<std::string> tie_sensitive_;
    std::set<std::string> ties_used_;
    CaseCount count_;

    bool covered(const std::string& path) const;
    void collect_unconsumed(const nlohmann::json& node, const std::string& path, std::vector<std::string>& out) const;
};

// cleanlab exception type -> the code our port must throw. Only option errors are in scope here
// (bad inputs are rejected by validation and tested elsewhere).
std::optional<labelscope::ErrorCode> error_code_for(const std::string& cleanlab_error_type);

// `path` + "/" + key, with JSON-pointer escaping of '~' and '/' in the key.
std::string child(const std::string& path, const std::string& key);

// Per-case totals, printed by the summary test case.
std::map<std::string, CaseCount>& case_counts();

}  // namespace parity
