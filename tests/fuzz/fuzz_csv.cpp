// libFuzzer target: see fuzz_targets.hpp (csv_one) for the input layout and what is checked.
// Built and run by scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    labelscope::fuzz::csv_one(data, size);
    return 0;
}
