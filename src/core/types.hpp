// Views and small owning matrices shared by every part of the core.
// The core never owns the N x K input: it reads it through a view, so the same code serves
// native callers, the WASM heap and (later) float32 storage.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace labelscope {

// Given labels, one class index per example. Multi-label data (docs/ALGORITHMS.md §13) will get its own
// view (CSR offsets + class indices) rather than overloading this one.
struct LabelsView {
    const std::int32_t* data = nullptr;
    std::size_t size = 0;

    std::int32_t operator[](std::size_t i) const { return data[i]; }
};

// Row-major N x K predicted probabilities. T is the storage type (double or float);
// arithmetic is always done in double.
template <class T>
struct ProbsView {
    const T* data = nullptr;
    std::size_t rows = 0;  // N
    std::size_t cols = 0;  // K

    const T* row(std::size_t i) const { return data + i * cols; }
    double operator()(std::size_t i, std::size_t k) const { return static_cast<double>(data[i * cols + k]); }
};

// Small dense row-major matrix (K x K results).
template <class T>
struct Matrix {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<T> values;

    Matrix() = default;
    Matrix(std::size_t r, std::size_t c, T fill = T{}) : rows(r), cols(c), values(r * c, fill) {}

    T& operator()(std::size_t r, std::size_t c) { return values[r * cols + c]; }
    const T& operator()(std::size_t r, std::size_t c) const { return values[r * cols + c]; }
    bool operator==(const Matrix& o) const { return rows == o.rows && cols == o.cols && values == o.values; }
};

using CountMatrix = Matrix<std::int64_t>;
using RealMatrix = Matrix<double>;

// Example indices (0-based). int32 is enough: validation rejects N >= 2^31, and JS gets Int32Array.
using IndexList = std::vector<std::int32_t>;
// Boolean mask, one byte per example (vector<bool> has no contiguous storage to hand to JS).
using Mask = std::vector<std::uint8_t>;

// The non-zero cells of a K x K result, in row-major order: what an audit with many classes keeps
// instead of the whole matrix (a confident joint has at most N + K of them).
struct SparseMatrix {
    std::size_t rows = 0;
    std::size_t cols = 0;
    IndexList row, col;
    std::vector<double> value;  // counts are whole numbers, exact as doubles
};

template <class T>
SparseMatrix sparse_of(const Matrix<T>& m) {
    SparseMatrix s;
    s.rows = m.rows;
    s.cols = m.cols;
    for (std::size_t r = 0; r < m.rows; ++r)
        for (std::size_t c = 0; c < m.cols; ++c)
            if (m(r, c) != T{}) {
                s.row.push_back(static_cast<std::int32_t>(r));
                s.col.push_back(static_cast<std::int32_t>(c));
                s.value.push_back(static_cast<double>(m(r, c)));
            }
    return s;
}

}  // namespace labelscope
