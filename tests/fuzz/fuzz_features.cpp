// libFuzzer target: see fuzz_features_target.hpp for the input layout and what is checked.
// Built and run by scripts/fuzz.sh (target "features").
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_features_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    labelscope::fuzz_features::features_one(data, size);
    return 0;
}
