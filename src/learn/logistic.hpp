// Multinomial logistic regression on a Design: the L2-penalised mean log loss and its gradient,
// and predicted probabilities. Parameters theta, length (dense_cols + text_cols + 1) x K:
// row-major weights (feature j's K coefficients contiguous, dense then text), then K intercepts
// (not penalised). The objective is scikit-learn's divided by C * sum of sample weights:
//   f = (1 / S) sum_i s_i (-log p_i[y_i]) + ||W||^2 / (2 C S),  S = sum_i s_i,
// so the same C means the same model. With K = 2 scikit-learn fits its binary model: one vector
// v = w1 - w0 penalised by ||v||^2 / (2 C). The two-vector form optimises at w0 = -w1 = -v / 2,
// where ||W||^2 = ||v||^2 / 2, so K = 2 takes ||W||^2 / (C S): the binary model's optimum (without
// it C meant scikit-learn's 2 C). Summation order is fixed (rows in the given order, features in
// column order): the same bits on every platform.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "learn/design.hpp"

namespace labelscope::learn {

struct LogisticProblem {
    const Design* x = nullptr;
    const std::int32_t* labels = nullptr;  // indexed by row of the design
    const std::uint32_t* rows = nullptr;   // training rows
    std::size_t n = 0;
    int k = 0;
    double c = 1.0;
    std::vector<double> class_weight;  // K sample weights by class (all 1 unless balanced)

    std::size_t params() const { return (x->dense_cols + x->text_cols + 1) * static_cast<std::size_t>(k); }
};

double logistic_loss_grad(const LogisticProblem& problem, const double* theta, double* grad);

// probs: n x k softmax probabilities (max-subtracted) for the given rows.
void logistic_predict(const Design& x, int k, const double* theta, const std::uint32_t* rows, std::size_t n,
                      double* probs);

}  // namespace labelscope::learn
