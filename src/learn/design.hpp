// One fit's view of the features: the dense block standardised with the training rows' mean and
// standard deviation only, and the text block TF-IDF weighted with the training rows' document
// frequencies only (rows then L2-normalised; sparse values are never centred).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "learn/features_data.hpp"

namespace labelscope::learn {

struct Design {
    std::size_t rows = 0, dense_cols = 0, text_cols = 0;
    std::vector<float> dense;                     // rows x dense_cols, (x - mean) / sd; a missing value is 0 (the mean)
    const std::uint32_t* text_row_ptr = nullptr;  // into the Features (CSR), null without text
    const std::uint32_t* text_col = nullptr;
    std::vector<float> text_value;  // parallel to text_col: tf * idf / row norm (0 if unseen in training)
};

// train: the rows whose statistics are used (sorted ascending). Every row of the features is
// transformed (test rows with the training statistics).
void build_design(const Features::Data& data, const std::vector<std::uint32_t>& train, Design& out);

}  // namespace labelscope::learn
