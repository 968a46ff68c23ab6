#include "learn/fit.hpp"

#include <cmath>
#include <sstream>

#include "core/portable_math.hpp"

namespace labelscope::learn {

std::string format_c(double c) {
    std::ostringstream out;
    out << c;
    return out.str();
}

void check_cross_val_options(const CrossValOptions& options) {
    if (options.folds < 2)
        throw LabelScopeError(ErrorCode::invalid_option,
                              "folds must be at least 2; got " + std::to_string(options.folds) + ".");
    if (options.max_iterations < 1)
        throw LabelScopeError(ErrorCode::invalid_option, "max_iterations must be at least 1.");
    if (!(options.tolerance >= 0) || !std::isfinite(options.tolerance))
        throw LabelScopeError(ErrorCode::invalid_option, "tolerance must be a finite number >= 0.");
    if (options.c && !(*options.c > 0 && std::isfinite(*options.c)))
        throw LabelScopeError(ErrorCode::invalid_option,
                              "C must be a finite number > 0; got " + format_c(*options.c) + ".");
}

std::vector<double> class_weights(const std::int32_t* labels, const std::vector<std::uint32_t>& rows, int k,
                                  bool balanced) {
    std::vector<double> w(static_cast<std::size_t>(k), 1.0);
    if (!balanced) return w;
    std::vector<double> count(static_cast<std::size_t>(k), 0.0);
    for (const std::uint32_t i : rows) count[static_cast<std::size_t>(labels[i])] += 1.0;
    std::size_t present = 0;
    for (const double c : count) present += c > 0 ? 1 : 0;
    for (std::size_t c = 0; c < w.size(); ++c)
        if (count[c] > 0) w[c] = static_cast<double>(rows.size()) / (static_cast<double>(present) * count[c]);
    return w;
}

std::vector<double> initial_theta(const LogisticProblem& pb) {
    std::vector<double> theta(pb.params(), 0.0);
    std::vector<double> mass(static_cast<std::size_t>(pb.k), 0.0);
    double total = 0;
    for (std::size_t r = 0; r < pb.n; ++r) {
        const auto y = static_cast<std::size_t>(pb.labels[pb.rows[r]]);
        mass[y] += pb.class_weight[y];
        total += pb.class_weight[y];
    }
    double* bias = theta.data() + theta.size() - static_cast<std::size_t>(pb.k);
    for (std::size_t c = 0; c < mass.size(); ++c) bias[c] = mass[c] > 0 ? portable::log(mass[c] / total) : -20.0;
    return theta;
}

LbfgsResult fit_logistic(const LogisticProblem& pb, std::vector<double>& theta, int max_iterations, double tolerance,
                         const std::function<bool()>& after_iteration) {
    auto objective = [&pb](const double* t, double* g) { return logistic_loss_grad(pb, t, g); };
    return lbfgs_minimize(objective, theta, max_iterations, tolerance, after_iteration, WINDOW_DECREASE);
}

}  // namespace labelscope::learn
