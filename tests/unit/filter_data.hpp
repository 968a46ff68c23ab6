// Hand-checked datasets for the find_label_issues tests (working in test_filter*.cpp).
#pragma once

#include "unit_helpers.hpp"

namespace unit {

// K = 3, t ~ (0.6, 0.6, 0.5333); calibrated joint [[2,1,0],[0,3,0],[1,0,2]], off-diagonal {2, 8}.
inline Data nine() {
    return Data(3, {0, 0, 0, 1, 1, 1, 2, 2, 2},
                {{0.9, 0.05, 0.05},
                 {0.7, 0.2, 0.1},
                 {0.2, 0.7, 0.1},
                 {0.1, 0.8, 0.1},
                 {0.2, 0.6, 0.2},
                 {0.45, 0.4, 0.15},
                 {0.1, 0.1, 0.8},
                 {0.2, 0.2, 0.6},
                 {0.6, 0.2, 0.2}});
}

// K = 2; example 2 (label 0, (0.5,0.5)) is off-diagonal but cleared by the reduce step;
// example 6 (label 1, (0.5,0.5)) is cleared too. Calibrated joint [[2,1],[0,4]].
inline Data binary_half() {
    return Data(2, {0, 0, 0, 1, 1, 1, 1},
                {{0.9, 0.1}, {0.8, 0.2}, {0.5, 0.5}, {0.3, 0.7}, {0.6, 0.4}, {0.65, 0.35}, {0.5, 0.5}});
}

// K = 3, N = 12. Class 0 = examples 0..5 with distinct margins, classes 1 and 2 clean.
// Used with the supplied joint [[1,3,2],[0,3,0],[0,0,3]] so the prune matrix is known exactly.
inline Data six_of_class0() {
    return Data(3, {0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2},
                {{0.9, 0.05, 0.05},
                 {0.2, 0.7, 0.1},
                 {0.3, 0.6, 0.1},
                 {0.4, 0.5, 0.1},
                 {0.2, 0.1, 0.7},
                 {0.3, 0.1, 0.6},
                 {0.1, 0.8, 0.1},
                 {0.1, 0.8, 0.1},
                 {0.1, 0.8, 0.1},
                 {0.1, 0.1, 0.8},
                 {0.1, 0.1, 0.8},
                 {0.1, 0.1, 0.8}});
}

// K = 3, N = 20, n = (6, 8, 6). Classes 1 and 2 hold examples with distinct P0 - P_label margins.
// Used with the supplied joint [[6,0,0],[3,5,0],[2,0,4]] for num_to_remove_per_class.
inline Data twenty() {
    return Data(3, {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2},
                {{0.8, 0.1, 0.1},
                 {0.8, 0.1, 0.1},
                 {0.8, 0.1, 0.1},
                 {0.8, 0.1, 0.1},
                 {0.8, 0.1, 0.1},
                 {0.8, 0.1, 0.1},
                 // class 1: P0 - P1 = -0.85, 0.3, 0.1, 0.5, -0.7, -0.5, -0.3, -0.1
                 {0.05, 0.9, 0.05},
                 {0.6, 0.3, 0.1},
                 {0.5, 0.4, 0.1},
                 {0.7, 0.2, 0.1},
                 {0.1, 0.8, 0.1},
                 {0.2, 0.7, 0.1},
                 {0.3, 0.6, 0.1},
                 {0.4, 0.5, 0.1},
                 // class 2: P0 - P2 = -0.7, 0.3, -0.5, 0.5, -0.3, 0.0
                 {0.1, 0.1, 0.8},
                 {0.6, 0.1, 0.3},
                 {0.2, 0.1, 0.7},
                 {0.7, 0.1, 0.2},
                 {0.3, 0.1, 0.6},
                 {0.45, 0.1, 0.45}});
}

inline labelscope::FindIssuesOptions by(labelscope::FilterBy f) {
    labelscope::FindIssuesOptions o;
    o.filter_by = f;
    return o;
}

inline std::vector<std::int32_t> flagged(const Data& d, const labelscope::FindIssuesOptions& o) {
    return indices(labelscope::find_label_issues(d.lv(), d.pv(), o));
}

}  // namespace unit
