// Joint distribution, priors of the true labels and noise matrices (docs/ALGORITHMS.md §7).
#pragma once

#include <vector>

#include "options.hpp"
#include "types.hpp"

namespace labelscope {

struct LatentEstimates {
    std::vector<double> py;           // prior of the true labels, sums to 1
    RealMatrix noise_matrix;          // P(given = row | true = column), columns sum to 1
    RealMatrix inverse_noise_matrix;  // P(true = row | given = column), columns sum to 1
};

struct NoiseEstimates : LatentEstimates {
    CountMatrix confident_joint;  // the calibrated joint the estimates came from
};

// Q = calibrate(joint) / sum (docs/ALGORITHMS.md §7.1).
RealMatrix estimate_joint_from_confident_joint(const CountMatrix& joint, const std::vector<std::int64_t>& label_counts);

// estimate_joint(labels, P): calibrated confident joint normalised to sum 1. Validated.
template <class T>
RealMatrix estimate_joint(LabelsView labels, ProbsView<T> probs);

// estimate_latent(C, labels, py_method, converge) with C used as given (docs/ALGORITHMS.md §7.2).
// Throws invalid_option for 'eqn' when the noise matrix is singular.
LatentEstimates estimate_latent(const CountMatrix& joint, const std::vector<std::int64_t>& label_counts,
                                PyMethod py_method = PyMethod::cnt, bool converge_latent_estimates = false);

// docs/ALGORITHMS.md §7.3: calibrated confident joint, then estimate_latent with converge = true by default. Validated.
template <class T>
NoiseEstimates estimate_py_and_noise_matrices_from_probabilities(LabelsView labels, ProbsView<T> probs,
                                                                 PyMethod py_method = PyMethod::cnt,
                                                                 bool converge_latent_estimates = true,
                                                                 bool calibrate = true);

}  // namespace labelscope
