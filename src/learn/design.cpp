#include "learn/design.hpp"

#include <cmath>

#include "core/portable_math.hpp"

namespace labelscope::learn {

namespace {

template <typename T>
void standardise(const T* x, std::size_t n, std::size_t d, const std::vector<std::uint32_t>& train, float* out) {
    // Mean and variance over the training rows, two passes in row order (fixed summation order).
    std::vector<double> sum(d, 0.0), count(d, 0.0), mean(d, 0.0), sq(d, 0.0);
    for (const std::uint32_t i : train) {
        const T* row = x + static_cast<std::size_t>(i) * d;
        for (std::size_t j = 0; j < d; ++j) {
            const double v = static_cast<double>(row[j]);
            if (v == v) {
                sum[j] += v;
                count[j] += 1.0;
            }
        }
    }
    for (std::size_t j = 0; j < d; ++j) mean[j] = count[j] > 0 ? sum[j] / count[j] : 0.0;
    for (const std::uint32_t i : train) {
        const T* row = x + static_cast<std::size_t>(i) * d;
        for (std::size_t j = 0; j < d; ++j) {
            const double v = static_cast<double>(row[j]);
            if (v == v) sq[j] += (v - mean[j]) * (v - mean[j]);
        }
    }
    // Population standard deviation as scikit-learn's StandardScaler; a column constant on the
    // training rows keeps scale 1 (its training values all become 0, so the model ignores it).
    std::vector<double> inv_sd(d, 1.0);
    for (std::size_t j = 0; j < d; ++j) {
        const double sd = count[j] > 0 ? std::sqrt(sq[j] / count[j]) : 0.0;
        if (sd > 0) inv_sd[j] = 1.0 / sd;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const T* row = x + i * d;
        float* o = out + i * d;
        for (std::size_t j = 0; j < d; ++j) {
            const double v = static_cast<double>(row[j]);
            o[j] = v == v ? static_cast<float>((v - mean[j]) * inv_sd[j]) : 0.0f;
        }
    }
}

}  // namespace

void build_design(const Features::Data& data, const std::vector<std::uint32_t>& train, Design& out) {
    const std::size_t n = data.rows, d = data.dense_cols;
    out.rows = n;
    out.dense_cols = d;
    out.text_cols = data.text_cols;
    out.dense.resize(n * d);
    using S = Features::Data::Storage;
    if (data.storage == S::u8)
        standardise(data.u8.data(), n, d, train, out.dense.data());
    else if (data.storage == S::f32)
        standardise(data.f32.data(), n, d, train, out.dense.data());
    else if (data.storage == S::f64)
        standardise(data.f64.data(), n, d, train, out.dense.data());

    if (data.text_cols == 0) {
        out.text_row_ptr = out.text_col = nullptr;
        out.text_value.clear();
        return;
    }
    out.text_row_ptr = data.text_row_ptr.data();
    out.text_col = data.text_col.data();
    // Smooth IDF as scikit-learn's TfidfTransformer: ln((1 + n) / (1 + df)) + 1, over training rows.
    std::vector<std::uint32_t> df(data.text_cols, 0);
    for (const std::uint32_t i : train)
        for (std::uint32_t p = data.text_row_ptr[i]; p < data.text_row_ptr[i + 1]; ++p) ++df[data.text_col[p]];
    const double n_train = static_cast<double>(train.size());
    std::vector<double> idf(data.text_cols, 0.0);
    for (std::size_t t = 0; t < data.text_cols; ++t)
        if (df[t]) idf[t] = portable::log((1.0 + n_train) / (1.0 + df[t])) + 1.0;
    // Terms absent from the training rows get weight 0: as a vocabulary fitted on the training
    // fold, they neither count in a row's norm nor carry a coefficient.
    out.text_value.resize(data.text_col.size());
    for (std::size_t i = 0; i < n; ++i) {
        double norm2 = 0;
        const std::uint32_t begin = data.text_row_ptr[i], end = data.text_row_ptr[i + 1];
        for (std::uint32_t p = begin; p < end; ++p) {
            const double v = data.text_count[p] * idf[data.text_col[p]];
            norm2 += v * v;
        }
        const double inv = norm2 > 0 ? 1.0 / std::sqrt(norm2) : 0.0;
        for (std::uint32_t p = begin; p < end; ++p)
            out.text_value[p] = static_cast<float>(data.text_count[p] * idf[data.text_col[p]] * inv);
    }
}

}  // namespace labelscope::learn
