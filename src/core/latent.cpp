#include "latent.hpp"

#include <algorithm>
#include <cmath>

#include "confident_joint.hpp"
#include "errors.hpp"
#include "numeric.hpp"
#include "thresholds.hpp"
#include "validation.hpp"

namespace labelscope {
namespace {

// Clip every entry to [low, high], then scale so the entries sum to 1 (docs/ALGORITHMS.md §7.2 ClipValues).
void clip_values(std::vector<double>& v, double low) {
    for (double& x : v) x = std::min(std::max(x, low), 1.0);
    const double factor = 1.0 / std::max(pairwise_sum(v), TINY);
    for (double& x : v) x *= factor;
}

// Column sums the way numpy reduces axis 0 of a C-order matrix: row after row.
std::vector<double> column_sums(const RealMatrix& m) {
    std::vector<double> sums(m.cols, 0.0);
    for (std::size_t r = 0; r < m.rows; ++r)
        for (std::size_t c = 0; c < m.cols; ++c) sums[c] = r == 0 ? m(r, c) : sums[c] + m(r, c);
    return sums;
}

// Keep the diagonal, clip off-diagonal rates to [0, NR_CAP], renormalise columns (ClipNoiseRates).
void clip_noise_rates(RealMatrix& m) {
    const std::size_t k = m.rows;
    for (std::size_t r = 0; r < k; ++r)
        for (std::size_t c = 0; c < k; ++c)
            if (r != c) m(r, c) = std::min(std::max(m(r, c), 0.0), NR_CAP);
    // The diagonal is clipped too and then put back, which leaves it unchanged.
    const std::vector<double> sums = column_sums(m);
    for (std::size_t r = 0; r < k; ++r)
        for (std::size_t c = 0; c < k; ++c) m(r, c) /= std::max(sums[c], TINY);
}

std::vector<double> py_from_counts(const RealMatrix& noise, const RealMatrix& inverse, const std::vector<double>& ps) {
    std::vector<double> py(ps.size());
    for (std::size_t j = 0; j < ps.size(); ++j) py[j] = inverse(j, j) / std::max(noise(j, j), TINY) * ps[j];
    return py;
}

// Solves noise * x = ps by Gaussian elimination with partial pivoting ('eqn': py = NM^-1 ps).
std::vector<double> solve(RealMatrix a, std::vector<double> b) {
    const std::size_t k = a.rows;
    for (std::size_t col = 0; col < k; ++col) {
        std::size_t pivot = col;
        for (std::size_t r = col + 1; r < k; ++r)
            if (std::fabs(a(r, col)) > std::fabs(a(pivot, col))) pivot = r;
        if (a(pivot, col) == 0.0)
            throw LabelScopeError(ErrorCode::invalid_option,
                                  "py_method 'eqn' needs an invertible noise matrix, and this one is singular. "
                                  "Use py_method 'cnt' (the default).");
        if (pivot != col) {
            for (std::size_t c = 0; c < k; ++c) std::swap(a(pivot, c), a(col, c));
            std::swap(b[pivot], b[col]);
        }
        for (std::size_t r = col + 1; r < k; ++r) {
            const double f = a(r, col) / a(col, col);
            if (f == 0.0) continue;
            for (std::size_t c = col; c < k; ++c) a(r, c) -= f * a(col, c);
            b[r] -= f * b[col];
        }
    }
    std::vector<double> x(k);
    for (std::size_t r = k; r-- > 0;) {
        double s = b[r];
        for (std::size_t c = r + 1; c < k; ++c) s -= a(r, c) * x[c];
        x[r] = s / a(r, r);
    }
    return x;
}

}  // namespace

RealMatrix estimate_joint_from_confident_joint(const CountMatrix& joint,
                                               const std::vector<std::int64_t>& label_counts) {
    const CountMatrix calibrated = calibrate_confident_joint(joint, label_counts);
    std::int64_t total = 0;
    for (std::int64_t v : calibrated.values) total += v;
    const double denom = std::max(static_cast<double>(total), TINY);
    RealMatrix q(joint.rows, joint.cols);
    for (std::size_t i = 0; i < q.values.size(); ++i) q.values[i] = static_cast<double>(calibrated.values[i]) / denom;
    return q;
}

template <class T>
RealMatrix estimate_joint(LabelsView labels, ProbsView<T> probs) {
    validate_inputs(labels, probs);
    const ConfidentJoint cj = compute_confident_joint(labels, probs, confident_thresholds(labels, probs));
    return estimate_joint_from_confident_joint(cj.calibrated, label_counts(labels, probs.cols));
}

LatentEstimates estimate_latent(const CountMatrix& joint, const std::vector<std::int64_t>& label_counts,
                                PyMethod py_method, bool converge_latent_estimates) {
    const std::size_t k = joint.rows;
    double n = 0;
    for (std::int64_t c : label_counts) n += static_cast<double>(c);
    std::vector<double> ps(k);
    for (std::size_t c = 0; c < k; ++c) ps[c] = static_cast<double>(label_counts[c]) / n;

    // The counts are read as doubles where they are used, never copied as a K x K matrix of doubles.
    const auto cj = [&joint](std::size_t r, std::size_t c) { return static_cast<double>(joint(r, c)); };
    std::vector<double> row_sums(k, 0.0), col_sums(k, 0.0), line(k);
    for (std::size_t r = 0; r < k; ++r) {
        for (std::size_t c = 0; c < k; ++c) {
            line[c] = cj(r, c);
            col_sums[c] = r == 0 ? line[c] : col_sums[c] + line[c];  // row after row, as column_sums
        }
        row_sums[r] = pairwise_sum(line);
    }

    LatentEstimates out;
    out.noise_matrix = RealMatrix(k, k);
    out.inverse_noise_matrix = RealMatrix(k, k);
    RealMatrix& nm = out.noise_matrix;
    RealMatrix& inv = out.inverse_noise_matrix;
    for (std::size_t r = 0; r < k; ++r)
        for (std::size_t c = 0; c < k; ++c) {
            nm(r, c) = cj(r, c) / std::max(col_sums[c], TINY);
            inv(c, r) = cj(r, c) / std::max(row_sums[r], TINY);
        }

    std::vector<double>& py = out.py;
    switch (py_method) {
        case PyMethod::cnt: py = py_from_counts(nm, inv, ps); break;
        case PyMethod::eqn: py = solve(nm, ps); break;
        case PyMethod::marginal: {
            const double total = std::max(pairwise_sum(col_sums), TINY);
            py.resize(k);
            for (std::size_t c = 0; c < k; ++c) py[c] = col_sums[c] / total;
            break;
        }
        case PyMethod::marginal_ps: {
            py.assign(k, 0.0);
            for (std::size_t r = 0; r < k; ++r) {
                std::vector<double> terms(k);
                for (std::size_t c = 0; c < k; ++c) terms[c] = inv(r, c) * ps[c];
                py[r] = pairwise_sum(terms);
            }
            break;
        }
    }
    clip_values(py, P_LOW);
    clip_noise_rates(nm);
    clip_noise_rates(inv);

    if (converge_latent_estimates) {
        for (int outer = 0; outer < 3; ++outer) {
            for (int inner = 0; inner < 5; ++inner) {
                for (std::size_t j = 0; j < k; ++j)
                    for (std::size_t c = 0; c < k; ++c) inv(j, c) = nm(c, j) * py[j] / std::max(ps[c], TINY);
                clip_noise_rates(inv);
                py = py_from_counts(nm, inv, ps);  // always 'cnt' here, whatever py_method was
                clip_values(py, P_LOW);
            }
            for (std::size_t r = 0; r < k; ++r)
                for (std::size_t j = 0; j < k; ++j) nm(r, j) = inv(j, r) * ps[r] / std::max(py[j], TINY);
            clip_noise_rates(nm);
        }
        clip_values(py, 1e-5);
        clip_noise_rates(nm);
        clip_noise_rates(inv);
    }
    return out;
}

template <class T>
NoiseEstimates estimate_py_and_noise_matrices_from_probabilities(LabelsView labels, ProbsView<T> probs,
                                                                 PyMethod py_method, bool converge, bool calibrate) {
    validate_inputs(labels, probs);
    const ConfidentJoint cj = compute_confident_joint(labels, probs, confident_thresholds(labels, probs));
    NoiseEstimates out;
    out.confident_joint = calibrate ? cj.calibrated : cj.uncalibrated;
    static_cast<LatentEstimates&>(out) =
        estimate_latent(out.confident_joint, label_counts(labels, probs.cols), py_method, converge);
    return out;
}

template RealMatrix estimate_joint<double>(LabelsView, ProbsView<double>);
template RealMatrix estimate_joint<float>(LabelsView, ProbsView<float>);
template NoiseEstimates estimate_py_and_noise_matrices_from_probabilities<double>(LabelsView, ProbsView<double>,
                                                                                  PyMethod, bool, bool);
template NoiseEstimates estimate_py_and_noise_matrices_from_probabilities<float>(LabelsView, ProbsView<float>, PyMethod,
                                                                                 bool, bool);

}  // namespace labelscope
