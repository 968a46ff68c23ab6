// Limited-memory BFGS (10 pairs) with a backtracking Armijo line search (quadratic interpolation,
// step kept within [0.1, 0.5] of the previous trial). Deterministic: every reduction is a plain
// left-to-right sum.
//
// Convergence rule: stop when max_i |gradient_i| <= tolerance; or when the last WINDOW (10)
// iterations together lowered the objective by less than window_decrease * max(1, |f|) (progress
// too slow to change the predictions: a standardised 784-pixel problem creeps on for hundreds of
// iterations with test accuracy flat after ~30); or when an accepted step lowers it by at most
// 1e-12 * max(1, |f|), or the line search finds no decrease (no progress possible in double
// precision); otherwise after max_iterations iterations.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace labelscope::learn {

struct LbfgsResult {
    int iterations = 0;
    double value = 0;
    bool converged = false;  // a stopping rule other than the iteration cap ended it
};

// f(x, grad) returns the objective at x and writes its gradient. after_iteration (optional) is
// called after each iteration; returning false stops the minimisation (the caller cancels).
LbfgsResult lbfgs_minimize(const std::function<double(const double*, double*)>& f, std::vector<double>& x,
                           int max_iterations, double tolerance, const std::function<bool()>& after_iteration = {},
                           double window_decrease = 0.0);

}  // namespace labelscope::learn
