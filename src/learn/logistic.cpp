#include "learn/logistic.hpp"

#include <algorithm>

#include "core/portable_math.hpp"

namespace labelscope::learn {

namespace {

constexpr int BLOCK = 4;  // rows per pass over the weights: each weight is loaded once per 4 rows

// The L2 weight of ||W||^2 / (2 C S): 2 for two classes, scikit-learn's binary model (logistic.hpp).
constexpr double penalty_scale(std::size_t k) { return k == 2 ? 2.0 : 1.0; }

// K known at compile time (KC > 0) lets the compiler keep a row's K logits in registers; KC = 0
// handles any K. Both give the same bits: only the loop bounds differ, never the order.
template <int KC>
struct Kernel {
    // logits for m (<= BLOCK) rows: acc[r * K + k].
    static void logits(const Design& x, int kr, const double* theta, const std::uint32_t* rows, int m, double* acc) {
        const std::size_t K = KC ? KC : static_cast<std::size_t>(kr);
        const std::size_t d = x.dense_cols, t = x.text_cols;
        const double* bias = theta + (d + t) * K;
        for (int r = 0; r < m; ++r)
            for (std::size_t k = 0; k < K; ++k) acc[r * K + k] = bias[k];
        const float* z[BLOCK];
        for (int r = 0; r < m; ++r) z[r] = x.dense.data() + static_cast<std::size_t>(rows[r]) * d;
        if (m == BLOCK) {
            for (std::size_t j = 0; j < d; ++j) {
                const double* w = theta + j * K;
                const double z0 = z[0][j], z1 = z[1][j], z2 = z[2][j], z3 = z[3][j];
                for (std::size_t k = 0; k < K; ++k) {
                    const double wk = w[k];
                    acc[k] += z0 * wk;
                    acc[K + k] += z1 * wk;
                    acc[2 * K + k] += z2 * wk;
                    acc[3 * K + k] += z3 * wk;
                }
            }
        } else {
            for (int r = 0; r < m; ++r)
                for (std::size_t j = 0; j < d; ++j) {
                    const double* w = theta + j * K;
                    const double zj = z[r][j];
                    for (std::size_t k = 0; k < K; ++k) acc[r * K + k] += zj * w[k];
                }
        }
        if (t) {
            const double* wt = theta + d * K;
            for (int r = 0; r < m; ++r) {
                const std::uint32_t i = rows[r];
                for (std::uint32_t p = x.text_row_ptr[i]; p < x.text_row_ptr[i + 1]; ++p) {
                    const double v = x.text_value[p];
                    const double* w = wt + static_cast<std::size_t>(x.text_col[p]) * K;
                    for (std::size_t k = 0; k < K; ++k) acc[r * K + k] += v * w[k];
                }
            }
        }
    }

    // Adds the m rows' contributions res[r * K + k] (already weighted) to the gradient.
    static void accumulate(const Design& x, int kr, const std::uint32_t* rows, int m, const double* res, double* grad) {
        const std::size_t K = KC ? KC : static_cast<std::size_t>(kr);
        const std::size_t d = x.dense_cols, t = x.text_cols;
        const float* z[BLOCK];
        for (int r = 0; r < m; ++r) z[r] = x.dense.data() + static_cast<std::size_t>(rows[r]) * d;
        if (m == BLOCK) {
            for (std::size_t j = 0; j < d; ++j) {
                double* g = grad + j * K;
                const double z0 = z[0][j], z1 = z[1][j], z2 = z[2][j], z3 = z[3][j];
                for (std::size_t k = 0; k < K; ++k) {
                    double s = g[k];
                    s += z0 * res[k];
                    s += z1 * res[K + k];
                    s += z2 * res[2 * K + k];
                    s += z3 * res[3 * K + k];
                    g[k] = s;
                }
            }
        } else {
            for (int r = 0; r < m; ++r)
                for (std::size_t j = 0; j < d; ++j) {
                    double* g = grad + j * K;
                    const double zj = z[r][j];
                    for (std::size_t k = 0; k < K; ++k) g[k] += zj * res[r * K + k];
                }
        }
        if (t) {
            double* gt = grad + d * K;
            for (int r = 0; r < m; ++r) {
                const std::uint32_t i = rows[r];
                for (std::uint32_t p = x.text_row_ptr[i]; p < x.text_row_ptr[i + 1]; ++p) {
                    const double v = x.text_value[p];
                    double* g = gt + static_cast<std::size_t>(x.text_col[p]) * K;
                    for (std::size_t k = 0; k < K; ++k) g[k] += v * res[r * K + k];
                }
            }
        }
        double* gb = grad + (d + t) * K;
        for (int r = 0; r < m; ++r)
            for (std::size_t k = 0; k < K; ++k) gb[k] += res[r * K + k];
    }

    static double loss_grad(const LogisticProblem& pb, const double* theta, double* grad) {
        const std::size_t K = KC ? KC : static_cast<std::size_t>(pb.k);
        const Design& x = *pb.x;
        const std::size_t np = pb.params();
        std::fill(grad, grad + np, 0.0);
        std::vector<double> acc(BLOCK * K), res(BLOCK * K);
        double loss = 0, weight_sum = 0;
        for (std::size_t start = 0; start < pb.n; start += BLOCK) {
            const int m = static_cast<int>(std::min<std::size_t>(BLOCK, pb.n - start));
            const std::uint32_t* rows = pb.rows + start;
            logits(x, pb.k, theta, rows, m, acc.data());
            for (int r = 0; r < m; ++r) {
                const double* a = acc.data() + r * K;
                double* e = res.data() + r * K;
                const std::size_t y = static_cast<std::size_t>(pb.labels[rows[r]]);
                const double sw = pb.class_weight[y];
                double top = a[0];
                for (std::size_t k = 1; k < K; ++k) top = a[k] > top ? a[k] : top;
                double sum = 0;
                for (std::size_t k = 0; k < K; ++k) {
                    e[k] = portable::exp(a[k] - top);
                    sum += e[k];
                }
                loss += sw * (top + portable::log(sum) - a[y]);
                weight_sum += sw;
                for (std::size_t k = 0; k < K; ++k) e[k] = sw * (e[k] / sum);
                e[y] -= sw;
            }
            accumulate(x, pb.k, rows, m, res.data(), grad);
        }
        const double lambda = penalty_scale(K) / (pb.c * weight_sum);
        const std::size_t nw = np - K;
        double penalty = 0;
        for (std::size_t p = 0; p < nw; ++p) penalty += theta[p] * theta[p];
        for (std::size_t p = 0; p < np; ++p) grad[p] /= weight_sum;
        for (std::size_t p = 0; p < nw; ++p) grad[p] += lambda * theta[p];
        return loss / weight_sum + 0.5 * lambda * penalty;
    }

    static void predict(const Design& x, int kr, const double* theta, const std::uint32_t* rows, std::size_t n,
                        double* probs) {
        const std::size_t K = KC ? KC : static_cast<std::size_t>(kr);
        std::vector<double> acc(BLOCK * K);
        for (std::size_t start = 0; start < n; start += BLOCK) {
            const int m = static_cast<int>(std::min<std::size_t>(BLOCK, n - start));
            logits(x, kr, theta, rows + start, m, acc.data());
            for (int r = 0; r < m; ++r) {
                const double* a = acc.data() + r * K;
                double* p = probs + (start + static_cast<std::size_t>(r)) * K;
                double top = a[0];
                for (std::size_t k = 1; k < K; ++k) top = a[k] > top ? a[k] : top;
                double sum = 0;
                for (std::size_t k = 0; k < K; ++k) {
                    p[k] = portable::exp(a[k] - top);
                    sum += p[k];
                }
                for (std::size_t k = 0; k < K; ++k) p[k] /= sum;
            }
        }
    }
};

}  // namespace

double logistic_loss_grad(const LogisticProblem& problem, const double* theta, double* grad) {
    switch (problem.k) {
        case 2: return Kernel<2>::loss_grad(problem, theta, grad);
        case 3: return Kernel<3>::loss_grad(problem, theta, grad);
        case 4: return Kernel<4>::loss_grad(problem, theta, grad);
        case 5: return Kernel<5>::loss_grad(problem, theta, grad);
        case 10: return Kernel<10>::loss_grad(problem, theta, grad);
        default: return Kernel<0>::loss_grad(problem, theta, grad);
    }
}

void logistic_predict(const Design& x, int k, const double* theta, const std::uint32_t* rows, std::size_t n,
                      double* probs) {
    switch (k) {
        case 2: return Kernel<2>::predict(x, k, theta, rows, n, probs);
        case 3: return Kernel<3>::predict(x, k, theta, rows, n, probs);
        case 4: return Kernel<4>::predict(x, k, theta, rows, n, probs);
        case 5: return Kernel<5>::predict(x, k, theta, rows, n, probs);
        case 10: return Kernel<10>::predict(x, k, theta, rows, n, probs);
        default: return Kernel<0>::predict(x, k, theta, rows, n, probs);
    }
}

}  // namespace labelscope::learn
