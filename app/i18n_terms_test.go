package app_test

import (
	"strings"
	"testing"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/assets"
)

// TestChineseTermsAreConsistent: the trade's Chinese terms (../shared/
// METHODS.md) are written one way in every catalogue and guide, so a
// trainee meets 客单价 in Promotions and in Customers alike (issue 13).
func TestChineseTermsAreConsistent(t *testing.T) {
	variants := map[string][]string{
		"客单价":  {"平均订单价值", "平均客单价", "平均订单金额", "订单均价"},
		"导入期":  {"引入期", "介绍期", "投入期"},
		"案头调研": {"案头研究", "桌面调研", "桌面研究", "二手资料调研"},
		"转化率":  {"转换率", "转化比率"},
		"复购率":  {"回购率", "重复购买率", "复购比例"},
		"复购":   {"回购"},
		"流失预警": {"高风险客户"},
	}
	texts := map[string]string{}
	for k, v := range app.Catalog(app.LangChinese) {
		texts["key "+k] = v
	}
	for _, m := range app.Modules {
		if g, err := assets.Guide(app.LangChinese, m.ID); err == nil {
			texts["guide "+m.ID] = g
		}
	}
	if len(texts) < 500 {
		t.Fatalf("only %d texts: the catalogue did not load", len(texts))
	}
	for where, s := range texts {
		for term, bad := range variants {
			for _, b := range bad {
				if strings.Contains(s, b) {
					t.Errorf("%s writes %q; the term is %q", where, b, term)
				}
			}
		}
	}
	// The terms themselves are used where the app computes them.
	zh := app.NewLocalizer(app.LangChinese)
	for key, term := range map[string]string{"customers.col.aov": "客单价", "promotions.aov": "客单价", "product.stage.introduction": "导入期",
		"note.method.desk_research": "案头调研", "customers.repeat_rate": "复购率", "customers.seg.at_risk": "流失预警"} {
		if !strings.Contains(zh.T(key), term) {
			t.Errorf("%s = %q, want %q", key, zh.T(key), term)
		}
	}
}
