// Bindings for simulated label noise (src/core/simulate_noise.hpp): flip labels with a seed, and
// score a detector's flags against the flips. src/js/simulate.js checks and shapes the arguments.
#include "core/simulate_noise.hpp"
#include "wasm/marshal.hpp"

namespace labelscope::wasm {
namespace {

NoiseMode noise_mode(const std::string& name) {
    if (name == "uniform") return NoiseMode::uniform;
    if (name == "pair") return NoiseMode::pair;
    if (name == "matrix") return NoiseMode::matrix;
    throw LabelScopeError(ErrorCode::invalid_option,
                          "Unknown noise mode '" + name + "'; use 'uniform', 'pair' or 'matrix'.");
}

// A class index from JS (checked there); anything that is not one becomes -1, which the core rejects.
std::int32_t class_index(double v) {
    if (!(v >= 0 && v < 2147483647.0)) return -1;
    const auto c = static_cast<std::int32_t>(v);
    return static_cast<double>(c) == v ? c : -1;
}

// labels: Int32Array; k: number of classes; o: {mode, rate, seed, classA, classB,
// noiseMatrix: Float64Array of K * K, row-major, row = noisy label, column = true label}.
val simulate_noise_arrays(val labels, double k, val o) {
    return guarded([&]() -> val {
        const std::vector<std::int32_t> y = copy_in<std::int32_t>(labels);
        if (!(k >= 0 && k < 2147483648.0 && k == static_cast<double>(static_cast<std::int64_t>(k))))
            throw LabelScopeError(ErrorCode::invalid_option, "numClasses must be a whole number >= 2.");
        const auto num_classes = static_cast<std::size_t>(k);
        NoiseOptions options;
        options.mode = noise_mode(str(o, "mode", "uniform"));
        options.rate = num(o, "rate", 0.0);
        options.seed = noise_seed_from_number(num(o, "seed", 0.0));
        options.class_a = class_index(num(o, "classA", -1));
        options.class_b = class_index(num(o, "classB", -1));
        if (options.mode == NoiseMode::matrix) {
            const std::vector<double> values =
                has(o, "noiseMatrix") ? copy_in<double>(o["noiseMatrix"]) : std::vector<double>{};
            if (values.size() != num_classes * num_classes) {
                const std::string k_text = std::to_string(num_classes);
                throw LabelScopeError(ErrorCode::invalid_option,
                                      "The noise matrix must have " + k_text + " rows of " + k_text + " values.");
            }
            options.noise_matrix = RealMatrix(num_classes, num_classes);
            options.noise_matrix.values = values;
        }
        const NoiseSimulation s = simulate_noise(LabelsView{y.data(), y.size()}, num_classes, options);
        val r = val::object();
        r.set("noisyLabels", out(s.noisy_labels));
        r.set("isError", out(s.is_error));
        r.set("flipped", out(s.flipped));
        return r;
    });
}

val ratio_out(const std::optional<double>& v) { return v ? val(*v) : val::null(); }

// isError: Uint8Array (0/1 per row); flagged: Int32Array of row indices.
val score_detection_arrays(val is_error, val flagged) {
    return guarded([&]() -> val {
        const std::vector<std::uint8_t> e = copy_in<std::uint8_t>(is_error);
        const std::vector<std::int32_t> f = copy_in<std::int32_t>(flagged);
        const DetectionScore d = score_detection(e.data(), e.size(), f.data(), f.size());
        val r = val::object();
        r.set("flipped", static_cast<double>(d.flipped));
        r.set("found", static_cast<double>(d.found));
        r.set("flagged", static_cast<double>(d.flagged));
        r.set("precision", ratio_out(d.precision));
        r.set("recall", ratio_out(d.recall));
        r.set("f1", ratio_out(d.f1));
        return r;
    });
}

}  // namespace

EMSCRIPTEN_BINDINGS(labelscope_noise) {
    emscripten::function("simulateNoise", &simulate_noise_arrays);
    emscripten::function("scoreDetection", &score_detection_arrays);
}

}  // namespace labelscope::wasm
