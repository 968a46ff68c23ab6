// find_label_issues in its three recorded forms (docs/ALGORITHMS.md §10, §17): the seven filter_by methods with
// defaults, the default filter ranked by each score, and the option variants.
#include <optional>
#include <stdexcept>
#include <string>

#include "core/filter.hpp"
#include "core/options.hpp"
#include "core/scores.hpp"
#include "parity/areas.hpp"

namespace parity {
namespace {

using labelscope::FindIssuesOptions;
using labelscope::ScoreOptions;

// The flagged set, compared as the recorded sorted index list (mask_to_indices is index order).
Cmp compare_mask(const json& expected, const labelscope::Mask& mask, std::size_t n) {
    if (mask.size() != n)
        return {"mask length: expected " + std::to_string(n) + ", got " + std::to_string(mask.size()), 0};
    for (std::size_t i = 0; i < n; ++i)
        if (mask[i] > 1) return {"mask value at index " + std::to_string(i) + " is neither 0 nor 1", 0};
    return compare_index_list(expected, labelscope::mask_to_indices(mask));
}

// Rankings by + - * / scores must match exactly; by CWE (log-based), up to swaps of examples
// whose scores agree within the log/exp tolerance.
Cmp compare_ranked(Checker& c, const json& expected, const labelscope::IndexList& actual, ScoreOptions rank_by) {
    if (rank_by.method != labelscope::ScoreMethod::confidence_weighted_entropy)
        return compare_index_list(expected, actual);
    const auto scores = labelscope::get_label_quality_scores(c.gc.labels_view(), c.gc.probs_view(), rank_by);
    return compare_ranked_by_scores(expected, actual, scores, REL_LOGEXP);
}

// "<method>" or "<method>__adjust_pred_probs" (the ranking uses rank_by_kwargs={'adjust_pred_probs': True}).
ScoreOptions parse_ranked_key(const std::string& key) {
    const std::string suffix = "__adjust_pred_probs";
    ScoreOptions o;
    std::string method = key;
    if (key.size() > suffix.size() && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0) {
        method = key.substr(0, key.size() - suffix.size());
        o.adjust_pred_probs = true;
    }
    o.method = labelscope::parse_score_method(method);  // throws for an unknown name
    return o;
}

void check_default_filters(Checker& c) {
    const std::string base = "/find_label_issues";
    for (const auto& key : c.keys(base)) {
        c.check(child(base, key), [&](const json& expected) {
            FindIssuesOptions opts;
            opts.filter_by = labelscope::parse_filter_by(key);
            return compare_mask(expected, labelscope::find_label_issues(c.gc.labels_view(), c.gc.probs_view(), opts),
                                c.gc.n);
        });
    }
}

void check_ranked(Checker& c) {
    const std::string base = "/find_label_issues_ranked";
    for (const auto& key : c.keys(base)) {
        c.check(child(base, key), [&](const json& expected) {
            const ScoreOptions rank_by = parse_ranked_key(key);
            return compare_ranked(c, expected,
                                  labelscope::find_label_issues_ranked(c.gc.labels_view(), c.gc.probs_view(),
                                                                       FindIssuesOptions{}, rank_by),
                                  rank_by);
        });
    }
}

// One variant: kwargs (cleanlab keyword arguments) + result. Every kwarg must be understood.
void check_variant(Checker& c, const std::string& path) {
    const std::string kw = path + "/kwargs";
    FindIssuesOptions opts;
    std::optional<ScoreOptions> rank_by;
    bool understood = c.has(kw) && c.value(kw).is_object();
    if (!understood) c.fail(kw, "variant has no kwargs object");
    for (const auto& name : c.keys(kw)) {
        const std::string p = child(kw, name);
        const json& v = c.take(p);
        try {
            if (name == "filter_by" && v.is_string()) {
                opts.filter_by = labelscope::parse_filter_by(v.get<std::string>());
            } else if (name == "frac_noise" && v.is_number()) {
                opts.frac_noise = v.get<double>();
            } else if (name == "min_examples_per_class" && v.is_number_integer()) {
                opts.min_examples_per_class = v.get<std::int64_t>();
            } else if (name == "num_to_remove_per_class" && v.is_array()) {
                for (const auto& r : v) {
                    if (!r.is_number_integer()) throw std::runtime_error("non-integer count");
                    opts.num_to_remove_per_class.push_back(r.get<std::int64_t>());
                }
            } else if (name == "return_indices_ranked_by" && v.is_string()) {
                rank_by = ScoreOptions{labelscope::parse_score_method(v.get<std::string>()), false};
            } else {
                c.fail(p, "kwarg not understood by the parity harness: " + v.dump());
                understood = false;
            }
        } catch (const std::exception& e) {
            c.fail(p, "kwarg " + v.dump() + " rejected: " + Checker::describe_exception(e));
            understood = false;
        }
    }
    const std::string result = path + "/result";
    if (!understood) {
        c.take(result);  // already reported; avoid a second "unconsumed" failure
        return;
    }
    c.check(result, [&](const json& expected) {
        if (rank_by)
            return compare_ranked(
                c, expected,
                labelscope::find_label_issues_ranked(c.gc.labels_view(), c.gc.probs_view(), opts, *rank_by), *rank_by);
        return compare_mask(expected, labelscope::find_label_issues(c.gc.labels_view(), c.gc.probs_view(), opts),
                            c.gc.n);
    });
}

}  // namespace

void check_filter(Checker& c) {
    check_default_filters(c);
    check_ranked(c);
    const std::string base = "/find_label_issues_variants";
    for (const auto& key : c.keys(base)) check_variant(c, child(base, key));
}

}  // namespace parity
