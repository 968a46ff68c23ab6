// The pieces every trainer in src/learn shares (cross_val.cpp, one_vs_rest.cpp, choose_c.cpp):
// checked options, class weights, the starting point and the stopping rule of one fit.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "learn/lbfgs.hpp"
#include "learn/learn.hpp"
#include "learn/logistic.hpp"

namespace labelscope::learn {

// A fit also stops when 10 iterations lowered the objective by less than this share (lbfgs.hpp).
constexpr double WINDOW_DECREASE = 1e-3;
// Log loss of a probability clipped here, so a confident mistake costs a finite amount.
constexpr double MIN_PROB = 1e-15;

// C as people read it: 0.001, 0.1, 10.
std::string format_c(double c);

// folds >= 2, max_iterations >= 1, a finite tolerance >= 0, a given C finite and > 0.
void check_cross_val_options(const CrossValOptions& options);

// K sample weights by class: all 1, or scikit-learn's "balanced" n / (classes present * count)
// over the given rows.
std::vector<double> class_weights(const std::int32_t* labels, const std::vector<std::uint32_t>& rows, int k,
                                  bool balanced);

// Zero weights and log-prior intercepts (a class absent from the rows gets -20): the best model
// that ignores the features.
std::vector<double> initial_theta(const LogisticProblem& problem);

// L-BFGS on the penalised log loss from theta (updated in place), with the WINDOW_DECREASE rule.
LbfgsResult fit_logistic(const LogisticProblem& problem, std::vector<double>& theta, int max_iterations,
                         double tolerance, const std::function<bool()>& after_iteration);

}  // namespace labelscope::learn
