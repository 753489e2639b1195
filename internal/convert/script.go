package convert

// scriptOf maps each one-script character to +1 (Hant) or -1 (Hans).
var scriptOf = func() (t [0x10000]int8) {
	for _, r := range tradOnly {
		t[r] = 1
	}
	for _, r := range simpOnly {
		t[r] = -1
	}
	return
}()

// Characters that exist in only one script, the most frequent in news text.
// Pairs line up: tradOnly[i] simplifies to simpOnly[i].
const (
	tradOnly = "這個們來時會說對為國學發經開關過還後麼東車長門問間見話語讀請點種機電實現業體無動從應頭樣幾當進網員區號氣聽萬與馬魚鳥詞認識聯戰鬥書們農產參與屬醫療條鄉圖務習寫飛華變邊讓訊選數據軟專處議總項賽報導還價錢銀質該訓練場貨億術蘭韓術權歷層團環陸風極務範"
	simpOnly = "这个们来时会说对为国学发经开关过还后么东车长门问间见话语读请点种机电实现业体无动从应头样几当进网员区号气听万与马鱼鸟词认识联战斗书们农产参与属医疗条乡图务习写飞华变边让讯选数据软专处议总项赛报导还价钱银质该训练场货亿术兰韩术权历层团环陆风极务范"
)

// detectScript tells Traditional (Hant) from Simplified (Hans) by counting
// characters that belong to only one of them. Ties go to Hant, the site's own.
func detectScript(text string) string {
	score := 0
	// The first 16 KB tell the script as well as the whole of a long file.
	if len(text) > 16<<10 {
		text = text[:16<<10]
	}
	for i := 0; i < len(text); {
		r, n := runeAt(text, i)
		i += n
		if r >= 0x4E00 && r < 0x10000 {
			score += int(scriptOf[r])
		}
	}
	if score < 0 {
		return "Hans"
	}
	return "Hant"
}
