/* imbrelu_prop1_cor13_registry.c: default instances of imbrelu.prop-1-cor-1-3. Verdicts from
 * proofs/derivations/imbrelu-prop-1-cor-1-3.md: Proposition 1, (14) for ||w||, Corollary 2's
 * monotonicity, (15)-(16) and cos_major < cos_minor (where M_A > 0) are identities/theorems at
 * the minimiser (PROVED); (14) for ||h|| with the root over both factors (as OCR'd) is false
 * whenever two alive classes have M_i != M_j (paper experiment: REFUTED); with M_k of (6) as
 * printed every formula in M disagrees (REFUTED). Boxes: s_A > s_B wherever M_A > 0 and R > 1. */
#include <stddef.h>
#include "claims/registry.h"

#define PAPER "\"kind\":\"imbrelu/1\",\"n\":[\"100\",\"100\",\"200\",\"200\",\"300\",\"300\",\"400\",\"400\",\"500\",\"500\"],\"d\":10,\"lambda_W\":\"0.0001\",\"lambda_H\":\"0.00001\""
#define NO_BOTH "\"formulas\":[\"prop1.norm\",\"prop1.inner\",\"prop1.cos\",\"cor2.w_ratio\",\"cor2.h_ratio.sqrt_n\",\"cor2.monotone\"]"
const registry_entry imbrelu_prop1_cor13_registry[] = {
    {"imbrelu.prop-1-cor-1-3", "paper-K10-all", "{" PAPER "}", "REFUTED"},
    {"imbrelu.prop-1-cor-1-3", "paper-K10-h-ratio-sqrt-both", "{" PAPER ",\"formulas\":[\"cor2.h_ratio.sqrt_both\"]}", "REFUTED"},
    {"imbrelu.prop-1-cor-1-3", "paper-K10-prop1-cor2", "{" PAPER "," NO_BOTH "}", "PROVED"},
    {"imbrelu.prop-1-cor-1-3", "paper-K10-printed-prop1", "{" PAPER ",\"reading\":\"printed\",\"formulas\":[\"prop1.norm\"]}", "REFUTED"},
    {"imbrelu.prop-1-cor-1-3", "K4-balanced",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"5\",\"5\",\"5\",\"5\"],\"d\":4,\"lambda_W\":\"1/100\",\"lambda_H\":\"1/100\"}", "PROVED"},
    {"imbrelu.prop-1-cor-1-3", "K6-two-group",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"50\",\"50\",\"50\",\"5\",\"5\",\"5\"],\"d\":6,\"lambda_W\":\"1/100\",\"lambda_H\":\"1/100\","
     "\"formulas\":[\"prop1.norm\",\"prop1.inner\",\"prop1.cos\",\"cor2.w_ratio\",\"cor2.h_ratio.sqrt_n\",\"cor2.monotone\",\"cor3.15\",\"cor3.16\",\"cor3.order\"]}",
     "PROVED"},
    {"imbrelu.prop-1-cor-1-3", "K4-two-group-minority-dead",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"50\",\"50\",\"5\",\"5\"],\"d\":4,\"lambda_W\":\"1/30\",\"lambda_H\":\"1/30\"}", "PROVED"},
    {"imbrelu.prop-1-cor-1-3", "K2-complete-collapse",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"1\",\"1\"],\"d\":2,\"lambda_W\":\"1/2\",\"lambda_H\":\"1/2\"}", "PROVED"},
    {"imbrelu.prop-1-cor-1-3", "K50-n10to500",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"10\",\"20\",\"30\",\"40\",\"50\",\"60\",\"70\",\"80\",\"90\",\"100\",\"110\",\"120\",\"130\",\"140\",\"150\",\"160\",\"170\",\"180\",\"190\",\"200\",\"210\",\"220\",\"230\",\"240\",\"250\",\"260\",\"270\",\"280\",\"290\",\"300\",\"310\",\"320\",\"330\",\"340\",\"350\",\"360\",\"370\",\"380\",\"390\",\"400\",\"410\",\"420\",\"430\",\"440\",\"450\",\"460\",\"470\",\"480\",\"490\",\"500\"],\"d\":50,\"lambda_W\":\"0.0001\",\"lambda_H\":\"0.00001\"," NO_BOTH "}",
     "PROVED"},
    {"imbrelu.prop-1-cor-1-3", "box-KA2-3-KB2-3-nB10",
     "{\"kind\":\"imbrelu-cor3-box/1\",\"K_A\":[2,3],\"K_B\":[2,3],\"n_B\":\"10\",\"R\":[\"3/2\",\"16\"],\"lambda\":[\"1/1073741824\",\"1/64\"],\"max_depth\":14}",
     "PROVED"},
    {"imbrelu.prop-1-cor-1-3", "box-KA2-5-KB2-5-nB100",
     "{\"kind\":\"imbrelu-cor3-box/1\",\"K_A\":[2,5],\"K_B\":[2,5],\"n_B\":\"100\",\"R\":[\"5/4\",\"64\"],\"lambda\":[\"1/1073741824\",\"1/16\"],\"max_depth\":14}",
     "PROVED"},
};
const int imbrelu_prop1_cor13_registry_len = (int)(sizeof imbrelu_prop1_cor13_registry / sizeof imbrelu_prop1_cor13_registry[0]);
