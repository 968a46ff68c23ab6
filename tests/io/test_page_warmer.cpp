// The helper thread that touches a fresh buffer's pages while a reader fills it
// (src/io/page_warmer.hpp): it must never change a value, must stop short of the reader and when
// told to, and a big file read with it must give exactly the values of the text.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "io/page_warmer.hpp"
#include "io_helpers.hpp"

using labelscope::io::PageWarmer;

namespace {

std::vector<std::uint32_t> patterned(std::size_t count) {
    std::vector<std::uint32_t> v(count);
    for (std::size_t i = 0; i < count; ++i) v[i] = static_cast<std::uint32_t>(i * 2654435761u);
    return v;
}

bool unchanged(const std::vector<std::uint32_t>& v) {
    for (std::size_t i = 0; i < v.size(); ++i)
        if (v[i] != static_cast<std::uint32_t>(i * 2654435761u)) return false;
    return true;
}

// Waits (up to 20 s) for the helper to finish its job.
bool wait_for_helper() {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!PageWarmer::helper_idle()) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

}  // namespace

TEST_CASE("page warmer: touches the pages above the reader, from the back, and changes no value") {
    const std::size_t bytes = std::size_t{16} << 20;
    auto buffer = patterned(bytes / sizeof(std::uint32_t));
    const std::size_t before = PageWarmer::pages_touched();
    PageWarmer warmer;
    warmer.start(buffer.data(), bytes);  // the reader is at the start
    REQUIRE(wait_for_helper());
    const std::size_t touched = PageWarmer::pages_touched() - before;
    if (PageWarmer::available()) {
        // 4096 pages; the helper stops 4 MiB (1024 pages) above the reader.
        CHECK(touched >= 3000);
        CHECK(touched <= 3072);
    } else {
        CHECK(touched == 0);
    }
    warmer.stop();
    CHECK(unchanged(buffer));
}

TEST_CASE("page warmer: stops short of where the reader has written to") {
    const std::size_t bytes = std::size_t{16} << 20;
    auto buffer = patterned(bytes / sizeof(std::uint32_t));
    const std::size_t before = PageWarmer::pages_touched();
    PageWarmer warmer;
    // The reader is done already, and says so with the job: the helper's first look sees it, so it
    // touches nothing. (Said after start(), the helper may have run several looks before it: a
    // loaded machine can keep this thread off the core meanwhile.)
    warmer.start(buffer.data(), bytes, buffer.data() + buffer.size());
    REQUIRE(wait_for_helper());
    CHECK(PageWarmer::pages_touched() - before == 0);
    // Halfway: only pages above the reader's position and its 4 MiB margin, at most 2048.
    const std::size_t halfway = PageWarmer::pages_touched();
    warmer.start(buffer.data(), bytes, buffer.data() + buffer.size() / 2);
    REQUIRE(wait_for_helper());
    const std::size_t touched = PageWarmer::pages_touched() - halfway;
    if (PageWarmer::available()) {
        CHECK(touched >= 1000);
        CHECK(touched <= 1024);
    }
    CHECK(unchanged(buffer));
}

TEST_CASE("page warmer: stop() returns with the helper idle; small buffers get no helper") {
    const std::size_t bytes = std::size_t{64} << 20;
    auto buffer = patterned(bytes / sizeof(std::uint32_t));
    {
        PageWarmer warmer;
        warmer.start(buffer.data(), bytes);
        warmer.stop();
        CHECK(PageWarmer::helper_idle());
        warmer.stop();  // twice is fine
    }
    CHECK(unchanged(buffer));
    const std::size_t before = PageWarmer::pages_touched();
    PageWarmer small;
    small.start(buffer.data(), std::size_t{1} << 20);
    CHECK(PageWarmer::helper_idle());
    CHECK(PageWarmer::pages_touched() == before);
}

TEST_CASE("page warmer: a big CSV and .npy read with the helper give exactly their values") {
    // 400,000 rows x 10: 32 MB of float64 values, well above the helper's 8 MiB minimum.
    const std::size_t rows = 400000, k = 10;
    std::string csv, labels = "label\n";
    std::vector<double> expected;
    expected.reserve(rows * k);
    csv.reserve(rows * k * 7);
    char cell[32];
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < k; ++c) {
            const unsigned v = static_cast<unsigned>((r * 7919 + c * 104729) % 100000);
            std::snprintf(cell, sizeof cell, "%s0.%05u", c == 0 ? "" : ",", v);
            csv += cell;
            expected.push_back(std::strtod(cell + (c == 0 ? 0 : 1), nullptr));
        }
        csv += '\n';
        labels += std::to_string(r % k) + "\n";
    }
    const iotest::Chunking mib{std::size_t{1} << 20};
    {
        const auto out = iotest::read_once({iotest::labels_file(labels), iotest::probs_file(csv)}, mib, {});
        REQUIRE(out.dataset);
        CHECK(out.dataset->num_examples == rows);
        CHECK(iotest::same_bits(out.dataset->probs, expected));
    }
    {
        labelscope::io::ReadOptions f32;
        f32.float32 = true;
        const auto out = iotest::read_once({iotest::labels_file(labels), iotest::probs_file(csv)}, mib, f32);
        REQUIRE(out.dataset);
        std::vector<float> expected_f32(expected.begin(), expected.end());
        CHECK(iotest::same_bits(out.dataset->probs_f32, expected_f32));
    }
    {
        const std::string npy = iotest::npy("<f8", {rows, k}, expected);
        const auto out = iotest::read_once({iotest::labels_file(labels), iotest::probs_file(npy, "p.npy")}, mib, {});
        REQUIRE(out.dataset);
        CHECK(iotest::same_bits(out.dataset->probs, expected));
    }
    CHECK(wait_for_helper());
}
