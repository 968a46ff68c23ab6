// Multi-label golden cases (docs/ALGORITHMS.md §13, §17): run by parity_multilabel.cpp.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/multilabel.hpp"
#include "core/multilabel_audit.hpp"
#include "parity/compare.hpp"

namespace parity {

inline const std::set<std::string>& multilabel_cases() {
    static const std::set<std::string> names = {"multilabel_tiny_k3"};
    return names;
}

// common_multilabel_issues rows: exact integers and booleans, issue probability within 1e-12.
Cmp compare_common_issues(const json& expected, const std::vector<labelscope::CommonMultiLabelIssue>& actual);

void run_multilabel_case(const std::string& name);

}  // namespace parity
