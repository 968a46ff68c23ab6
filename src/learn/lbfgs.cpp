#include "learn/lbfgs.hpp"

#include <algorithm>
#include <cmath>
#include <deque>

namespace labelscope::learn {

namespace {

constexpr std::size_t MEMORY = 10;
constexpr int WINDOW = 10;

double dot(const std::vector<double>& a, const std::vector<double>& b) {
    double s = 0;
    for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
    return s;
}

double max_abs(const std::vector<double>& a) {
    double m = 0;
    for (const double v : a) m = std::max(m, std::fabs(v));
    return m;
}

struct Pair {
    std::vector<double> s, y;
    double rho;
};

}  // namespace

LbfgsResult lbfgs_minimize(const std::function<double(const double*, double*)>& f, std::vector<double>& x,
                           int max_iterations, double tolerance, const std::function<bool()>& after_iteration,
                           double window_decrease) {
    const std::size_t n = x.size();
    std::vector<double> g(n), d(n), xn(n), gn(n), alpha(MEMORY);
    std::deque<Pair> memory;
    LbfgsResult result;
    double fx = f(x.data(), g.data());
    std::vector<double> history{fx};  // objective after each iteration, for the window rule
    result.value = fx;
    if (max_abs(g) <= tolerance) {
        result.converged = true;
        return result;
    }
    for (int it = 1; it <= max_iterations; ++it) {
        // Two-loop recursion: d = -H g, with H0 = (s.y / y.y) I from the newest pair.
        for (std::size_t i = 0; i < n; ++i) d[i] = -g[i];
        for (std::size_t m = memory.size(); m-- > 0;) {
            alpha[m] = memory[m].rho * dot(memory[m].s, d);
            for (std::size_t i = 0; i < n; ++i) d[i] -= alpha[m] * memory[m].y[i];
        }
        double step = 1.0;
        if (!memory.empty()) {
            const Pair& last = memory.back();
            const double gamma = 1.0 / (last.rho * dot(last.y, last.y));
            for (std::size_t i = 0; i < n; ++i) d[i] *= gamma;
        } else {
            step = std::min(1.0, 1.0 / std::sqrt(dot(g, g)));
        }
        for (std::size_t m = 0; m < memory.size(); ++m) {
            const double beta = memory[m].rho * dot(memory[m].y, d);
            for (std::size_t i = 0; i < n; ++i) d[i] += (alpha[m] - beta) * memory[m].s[i];
        }
        double slope = dot(g, d);
        if (!(slope < 0)) {  // not a descent direction (rounding): restart from steepest descent
            memory.clear();
            for (std::size_t i = 0; i < n; ++i) d[i] = -g[i];
            slope = -dot(g, g);
            step = std::min(1.0, 1.0 / std::sqrt(-slope));
        }
        // Backtracking line search with the Armijo condition.
        double fn = 0;
        bool accepted = false;
        for (int trial = 0; trial < 40; ++trial) {
            for (std::size_t i = 0; i < n; ++i) xn[i] = x[i] + step * d[i];
            fn = f(xn.data(), gn.data());
            if (fn <= fx + 1e-4 * step * slope) {
                accepted = true;
                break;
            }
            const double denominator = 2.0 * (fn - fx - slope * step);
            double next = denominator > 0 ? -slope * step * step / denominator : 0.5 * step;
            next = std::min(std::max(next, 0.1 * step), 0.5 * step);
            step = next;
        }
        result.iterations = it;
        if (!accepted) {
            result.converged = true;  // no decrease found along a descent direction: as good as it gets
            break;
        }
        Pair pair{std::vector<double>(n), std::vector<double>(n), 0.0};
        for (std::size_t i = 0; i < n; ++i) {
            pair.s[i] = xn[i] - x[i];
            pair.y[i] = gn[i] - g[i];
        }
        const double sy = dot(pair.s, pair.y);
        if (sy > 1e-10 * dot(pair.y, pair.y)) {
            pair.rho = 1.0 / sy;
            if (memory.size() == MEMORY) memory.pop_front();
            memory.push_back(std::move(pair));
        }
        const double decrease = fx - fn;
        x.swap(xn);
        g.swap(gn);
        fx = fn;
        result.value = fx;
        history.push_back(fx);
        const double scale = std::max(1.0, std::fabs(fx));
        const bool slow =
            window_decrease > 0 && it >= WINDOW && history[history.size() - 1 - WINDOW] - fx < window_decrease * scale;
        if (max_abs(g) <= tolerance || decrease <= 1e-12 * scale || slow) {
            result.converged = true;
            break;
        }
        if (after_iteration && !after_iteration()) break;
    }
    return result;
}

}  // namespace labelscope::learn
