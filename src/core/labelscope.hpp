// Everything in the confident-learning core.
#pragma once

#include "audit.hpp"
#include "confident_joint.hpp"
#include "errors.hpp"
#include "filter.hpp"
#include "health.hpp"
#include "latent.hpp"
#include "multilabel.hpp"
#include "multilabel_audit.hpp"
#include "num_issues.hpp"
#include "numeric.hpp"
#include "ood.hpp"
#include "options.hpp"
#include "scores.hpp"
#include "thresholds.hpp"
#include "types.hpp"
#include "validation.hpp"
