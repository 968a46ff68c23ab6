#include "parity/checker.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <typeinfo>

namespace parity {

using nlohmann::json;

namespace {

// Top-level keys that are not outputs (meta describes the case; warnings are checked
// separately by check_warnings; the last two only feed the stable-sort replacement).
const std::set<std::string> NOT_OUTPUTS = {"/meta", "/warnings", "/tie_sensitive", "/stable_sort_values"};

}  // namespace

std::string child(const std::string& path, const std::string& key) {
    std::string escaped;
    for (char ch : key) {
        if (ch == '~')
            escaped += "~0";
        else if (ch == '/')
            escaped += "~1";
        else
            escaped += ch;
    }
    return path + "/" + escaped;
}

std::map<std::string, CaseCount>& case_counts() {
    static std::map<std::string, CaseCount> counts;
    return counts;
}

std::optional<labelscope::ErrorCode> error_code_for(const std::string& cleanlab_error_type) {
    // ValueError: an unsupported option combination (CWE + adjust_pred_probs, docs/ALGORITHMS.md §9.3).
    // LinAlgError: the 'eqn' prior with a singular noise matrix (docs/ALGORITHMS.md §7.2); latent.hpp documents
    // invalid_option for it.
    if (cleanlab_error_type == "ValueError" || cleanlab_error_type == "LinAlgError")
        return labelscope::ErrorCode::invalid_option;
    return std::nullopt;
}

Checker::Checker(const GoldenCase& g) : gc(g) {
    const json& e = gc.expected;
    if (!e.contains("tie_sensitive") || !e["tie_sensitive"].is_array() || !e.contains("stable_sort_values") ||
        !e["stable_sort_values"].is_object()) {
        fail("/tie_sensitive", "the case must record tie_sensitive (list) and stable_sort_values (object)");
        return;
    }
    for (const auto& p : e["tie_sensitive"]) {
        const std::string path = p.get<std::string>();
        tie_sensitive_.insert(path);
        if (!has(path)) fail(path, "tie_sensitive path is not in the recorded tree");
        if (!e["stable_sort_values"].contains(path)) fail(path, "tie_sensitive path has no stable_sort_values entry");
    }
    for (const auto& item : e["stable_sort_values"].items())
        if (!tie_sensitive_.count(item.key()))
            fail(item.key(), "stable_sort_values entry for a path not listed in tie_sensitive");
}

std::vector<std::string> Checker::keys(const std::string& path) const {
    std::vector<std::string> out;
    if (!has(path)) return out;
    const json& node = gc.expected.at(json::json_pointer(path));
    if (!node.is_object()) return out;
    for (const auto& item : node.items()) out.push_back(item.key());
    return out;
}

bool Checker::has(const std::string& path) const {
    try {
        return gc.expected.contains(json::json_pointer(path));
    } catch (const json::exception&) {
        return false;
    }
}

const json& Checker::value(const std::string& path) const {
    if (tie_sensitive_.count(path)) return gc.expected.at("stable_sort_values").at(path);
    return gc.expected.at(json::json_pointer(path));
}

const json& Checker::take(const std::string& path) {
    consumed_.insert(path);
    if (tie_sensitive_.count(path)) ties_used_.insert(path);
    return value(path);
}

bool Checker::is_error_record(const json& v) {
    return v.is_object() && v.size() == 2 && v.contains("error_type") && v.contains("error_message");
}

std::string Checker::describe_exception(const std::exception& e) {
    if (const auto* ls = dynamic_cast<const labelscope::LabelScopeError*>(&e))
        return std::string("threw LabelScopeError(") + labelscope::to_string(ls->code()) + "): " + ls->what();
    return std::string("threw ") + typeid(e).name() + ": " + e.what();
}

void Checker::fail(const std::string& path, const std::string& what) {
    FAIL_CHECK("[" << gc.name << "] " << path << ": " << what);
}

void Checker::check(const std::string& path, const std::function<Cmp(const json&)>& compare) {
    if (!has(path)) {
        fail(path, "not recorded in expected.json");
        return;
    }
    const json& expected = take(path);
    ++count_.outputs;

    if (is_error_record(expected)) {
        const std::string type = expected["error_type"].get<std::string>();
        const auto code = error_code_for(type);
        count_.values += 1;
        if (!code) {
            fail(path, "recorded cleanlab error type '" + type + "' has no agreed LabelScopeError code");
            return;
        }
        try {
            (void)compare(expected);
            fail(path, "cleanlab raised " + type + " (" + expected["error_message"].get<std::string>() +
                           "), but the call succeeded; expected LabelScopeError(" + labelscope::to_string(*code) + ")");
        } catch (const labelscope::LabelScopeError& e) {
            if (e.code() != *code)
                fail(path, std::string("expected LabelScopeError(") + labelscope::to_string(*code) + "), " +
                               describe_exception(e));
            else
                CHECK(true);  // counted as a passing assertion
        } catch (const std::exception& e) {
            fail(path, std::string("expected LabelScopeError(") + labelscope::to_string(*code) + "), " +
                           describe_exception(e));
        }
        return;
    }

    try {
        const Cmp r = compare(expected);
        count_.values += r.values;
        CHECK_MESSAGE(r.ok(), "[" << gc.name << "] " << path << ": " << r.error);
    } catch (const std::exception& e) {
        fail(path, describe_exception(e));
    }
}

bool Checker::covered(const std::string& path) const {
    // Covered if the path or one of its ancestors was consumed.
    std::string p = path;
    for (;;) {
        if (consumed_.count(p)) return true;
        const auto slash = p.rfind('/');
        if (slash == std::string::npos || slash == 0) return false;
        p.erase(slash);
    }
}

void Checker::collect_unconsumed(const json& node, const std::string& path, std::vector<std::string>& out) const {
    if (NOT_OUTPUTS.count(path)) return;
    if (covered(path)) return;
    if (node.is_object() && !node.empty()) {
        for (const auto& item : node.items()) collect_unconsumed(item.value(), child(path, item.key()), out);
    } else if (node.is_array() && !node.empty()) {
        for (std::size_t i = 0; i < node.size(); ++i) collect_unconsumed(node[i], path + "/" + std::to_string(i), out);
    } else {
        out.push_back(path.empty() ? "/" : path);
    }
}

void Checker::finish() {
    // Any recorded output the harness does not understand must fail, not pass silently.
    std::vector<std::string> missed;
    collect_unconsumed(gc.expected, "", missed);
    if (!missed.empty()) {
        std::string list;
        for (std::size_t i = 0; i < missed.size() && i < 12; ++i) list += "\n  " + missed[i];
        if (missed.size() > 12) list += "\n  ...";
        fail("/", std::to_string(missed.size()) + " recorded value(s) not checked by the parity harness:" + list);
    }
    for (const auto& path : tie_sensitive_)
        if (!ties_used_.count(path))
            fail(path, "tie_sensitive path was never read as a whole output (its stable value was not used)");
    case_counts()[gc.name] = count_;
}

}  // namespace parity
