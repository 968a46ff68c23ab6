// Seeded, portable stratified k-fold assignment (splitmix64; never std:: distributions, whose
// results differ between standard libraries).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace labelscope::learn {

class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n) up to a bias below n / 2^64.
    std::uint64_t below(std::uint64_t n) { return next() % n; }

private:
    std::uint64_t state_;
};

// fold[i] in [0, folds) for each of the n items (labels[items[i]] in [0, num_classes)). Each
// class is shuffled and dealt round-robin, continuing the fold counter from the previous class,
// so every fold holds floor or ceil of (class count / folds) of each class and fold sizes
// differ by at most one.
std::vector<int> stratified_folds(const std::int32_t* labels, const std::vector<std::uint32_t>& items, int num_classes,
                                  int folds, std::uint64_t seed);

}  // namespace labelscope::learn
