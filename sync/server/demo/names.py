"""Japanese family and given names for the demo chain: kanji, hiragana reading, Hepburn romaji.

Family names carry a relative frequency (roughly people per thousand, after national surname
rankings); given names carry a gender and the era they were popular in, so a customer's name
fits their age. Romaji follows passport-style Hepburn (long vowels not written: 佐藤 = sato).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, cast

Gender = Literal["f", "m"]
Era = Literal["old", "mid", "young"]  # born before 1970, 1970-1994, 1995 or later


@dataclass(frozen=True, slots=True)
class FamilyName:
    kanji: str
    kana: str
    romaji: str
    weight: int


@dataclass(frozen=True, slots=True)
class GivenName:
    kanji: str
    kana: str
    romaji: str
    gender: Gender
    era: Era


# kanji kana romaji weight
_FAMILY_TABLE = """
佐藤 さとう sato 1870
鈴木 すずき suzuki 1790
高橋 たかはし takahashi 1410
田中 たなか tanaka 1330
伊藤 いとう ito 1080
渡辺 わたなべ watanabe 1070
山本 やまもと yamamoto 1070
中村 なかむら nakamura 1050
小林 こばやし kobayashi 1020
加藤 かとう kato 890
吉田 よしだ yoshida 840
山田 やまだ yamada 820
佐々木 ささき sasaki 680
山口 やまぐち yamaguchi 640
松本 まつもと matsumoto 630
井上 いのうえ inoue 610
木村 きむら kimura 580
林 はやし hayashi 550
斎藤 さいとう saito 540
清水 しみず shimizu 530
山崎 やまざき yamazaki 480
森 もり mori 460
池田 いけだ ikeda 440
橋本 はしもと hashimoto 440
阿部 あべ abe 440
石川 いしかわ ishikawa 430
山下 やました yamashita 420
中島 なかじま nakajima 410
石井 いしい ishii 400
小川 おがわ ogawa 400
前田 まえだ maeda 400
岡田 おかだ okada 390
長谷川 はせがわ hasegawa 380
藤田 ふじた fujita 380
後藤 ごとう goto 370
近藤 こんどう kondo 360
村上 むらかみ murakami 340
遠藤 えんどう endo 330
青木 あおき aoki 330
坂本 さかもと sakamoto 330
斉藤 さいとう saito 320
福田 ふくだ fukuda 320
太田 おおた ota 320
西村 にしむら nishimura 310
藤井 ふじい fujii 310
金子 かねこ kaneko 300
岡本 おかもと okamoto 300
藤原 ふじわら fujiwara 300
中野 なかの nakano 290
三浦 みうら miura 290
原田 はらだ harada 290
中川 なかがわ nakagawa 290
松田 まつだ matsuda 290
竹内 たけうち takeuchi 280
小野 おの ono 280
田村 たむら tamura 280
中山 なかやま nakayama 270
和田 わだ wada 270
石田 いしだ ishida 270
森田 もりた morita 270
上田 うえだ ueda 260
原 はら hara 260
内田 うちだ uchida 260
柴田 しばた shibata 260
酒井 さかい sakai 250
宮崎 みやざき miyazaki 250
横山 よこやま yokoyama 250
高木 たかぎ takagi 250
安藤 あんどう ando 240
宮本 みやもと miyamoto 240
大野 おおの ono 240
小島 こじま kojima 240
谷口 たにぐち taniguchi 230
今井 いまい imai 230
工藤 くどう kudo 230
高田 たかだ takada 230
増田 ますだ masuda 220
丸山 まるやま maruyama 220
杉山 すぎやま sugiyama 220
村田 むらた murata 220
大塚 おおつか otsuka 220
新井 あらい arai 210
小山 こやま koyama 210
平野 ひらの hirano 210
藤本 ふじもと fujimoto 210
河野 こうの kono 210
上野 うえの ueno 210
野口 のぐち noguchi 210
武田 たけだ takeda 210
松井 まつい matsui 200
千葉 ちば chiba 200
岩崎 いわさき iwasaki 200
菅原 すがわら sugawara 200
木下 きのした kinoshita 200
久保 くぼ kubo 200
佐野 さの sano 200
野村 のむら nomura 200
松尾 まつお matsuo 200
市川 いちかわ ichikawa 190
菊地 きくち kikuchi 190
杉本 すぎもと sugimoto 190
古川 ふるかわ furukawa 190
大西 おおにし onishi 190
島田 しまだ shimada 190
水野 みずの mizuno 190
桜井 さくらい sakurai 190
高野 たかの takano 190
渡部 わたなべ watanabe 180
吉川 よしかわ yoshikawa 180
山内 やまうち yamauchi 180
西田 にしだ nishida 180
飯田 いいだ iida 180
菊池 きくち kikuchi 180
西川 にしかわ nishikawa 180
小松 こまつ komatsu 180
北村 きたむら kitamura 180
安田 やすだ yasuda 170
五十嵐 いがらし igarashi 170
川口 かわぐち kawaguchi 170
平田 ひらた hirata 170
関 せき seki 170
中田 なかた nakata 170
久保田 くぼた kubota 170
東 ひがし higashi 170
服部 はっとり hattori 170
川崎 かわさき kawasaki 160
岩田 いわた iwata 160
土屋 つちや tsuchiya 160
辻 つじ tsuji 160
田口 たぐち taguchi 160
福島 ふくしま fukushima 160
本田 ほんだ honda 160
中西 なかにし nakanishi 160
松下 まつした matsushita 150
永井 ながい nagai 150
森本 もりもと morimoto 150
荒木 あらき araki 150
樋口 ひぐち higuchi 150
吉村 よしむら yoshimura 150
大橋 おおはし ohashi 150
浅野 あさの asano 150
松岡 まつおか matsuoka 150
内藤 ないとう naito 150
秋山 あきやま akiyama 140
野田 のだ noda 140
川上 かわかみ kawakami 140
小池 こいけ koike 140
大久保 おおくぼ okubo 140
星野 ほしの hoshino 140
高山 たかやま takayama 140
片山 かたやま katayama 140
岡崎 おかざき okazaki 140
田辺 たなべ tanabe 140
石原 いしはら ishihara 140
中尾 なかお nakao 130
平井 ひらい hirai 130
大石 おおいし oishi 130
大島 おおしま oshima 130
早川 はやかわ hayakawa 130
宮田 みやた miyata 130
熊谷 くまがい kumagai 130
堀 ほり hori 130
大谷 おおたに otani 130
小田 おだ oda 120
桑原 くわはら kuwahara 120
南 みなみ minami 120
望月 もちづき mochizuki 120
須藤 すどう sudo 120
奥村 おくむら okumura 110
長尾 ながお nagao 110
新田 にった nitta 100
龍田 たつた tatsuta 40
東條 とうじょう tojo 30
""".strip()

# kanji kana romaji gender era
_GIVEN_TABLE = """
太郎 たろう taro m old
一郎 いちろう ichiro m old
浩 ひろし hiroshi m old
博 ひろし hiroshi m old
隆 たかし takashi m old
勝 まさる masaru m old
勝 しょう sho m mid
茂 しげる shigeru m old
清 きよし kiyoshi m old
明 あきら akira m old
修 おさむ osamu m old
進 すすむ susumu m old
実 みのる minoru m old
稔 みのる minoru m old
豊 ゆたか yutaka m old
勇 いさむ isamu m old
正男 まさお masao m old
秀雄 ひでお hideo m old
昭 あきら akira m old
龍一 りゅういち ryuichi m old
健一 けんいち kenichi m old
和彦 かずひこ kazuhiko m old
俊夫 としお toshio m old
幸雄 ゆきお yukio m old
誠 まこと makoto m mid
健太 けんた kenta m mid
大輔 だいすけ daisuke m mid
拓也 たくや takuya m mid
直樹 なおき naoki m mid
和也 かずや kazuya m mid
達也 たつや tatsuya m mid
哲也 てつや tetsuya m mid
雄一 ゆういち yuichi m mid
俊介 しゅんすけ shunsuke m mid
純一 じゅんいち junichi m mid
正樹 まさき masaki m mid
秀樹 ひでき hideki m mid
信也 しんや shinya m mid
慎吾 しんご shingo m mid
剛 つよし tsuyoshi m mid
学 まなぶ manabu m mid
健二 けんじ kenji m mid
亮 りょう ryo m mid
涼介 りょうすけ ryosuke m mid
康介 こうすけ kosuke m mid
耕平 こうへい kohei m mid
洋平 ようへい yohei m mid
祐介 ゆうすけ yusuke m mid
智也 ともや tomoya m mid
直人 なおと naoto m mid
雅人 まさと masato m mid
健太郎 けんたろう kentaro m mid
慎一 しんいち shinichi m mid
淳 じゅん jun m mid
徹 とおる toru m mid
昌平 しょうへい shohei m mid
竜也 たつや tatsuya m mid
翔太 しょうた shota m mid
翔 しょう sho m young
陽翔 はると haruto m young
蓮 れん ren m young
悠真 ゆうま yuma m young
湊 みなと minato m young
大翔 ひろと hiroto m young
蒼 あおい aoi m young
樹 いつき itsuki m young
悠人 ゆうと yuto m young
颯太 そうた sota m young
陸 りく riku m young
翼 つばさ tsubasa m young
駿 しゅん shun m young
大和 やまと yamato m young
拓海 たくみ takumi m young
海斗 かいと kaito m young
優斗 ゆうと yuto m young
航 わたる wataru m young
光 ひかる hikaru m young
陽太 ようた yota m young
蒼空 そら sora m young
隼人 はやと hayato m young
瑛太 えいた eita m young
奏太 かなた kanata m young
琉生 るい rui m young
悠斗 ゆうと yuto m young
勇気 ゆうき yuki m young
花子 はなこ hanako f old
京子 きょうこ kyoko f old
恵子 けいこ keiko f old
洋子 ようこ yoko f old
幸子 さちこ sachiko f old
和子 かずこ kazuko f old
節子 せつこ setsuko f old
久美子 くみこ kumiko f old
典子 のりこ noriko f old
恭子 きょうこ kyoko f old
百合子 ゆりこ yuriko f old
小百合 さゆり sayuri f old
順子 じゅんこ junko f old
明美 あけみ akemi f old
早苗 さなえ sanae f old
美代子 みよこ miyoko f old
千代 ちよ chiyo f old
文子 ふみこ fumiko f old
裕子 ゆうこ yuko f mid
智子 ともこ tomoko f mid
直美 なおみ naomi f mid
由美 ゆみ yumi f mid
真由美 まゆみ mayumi f mid
優子 ゆうこ yuko f mid
由紀 ゆき yuki f mid
真理子 まりこ mariko f mid
美穂 みほ miho f mid
香織 かおり kaori f mid
恵 めぐみ megumi f mid
陽子 ようこ yoko f mid
純子 じゅんこ junko f mid
美香 みか mika f mid
沙織 さおり saori f mid
理恵 りえ rie f mid
友美 ともみ tomomi f mid
亜希子 あきこ akiko f mid
由香 ゆか yuka f mid
涼子 りょうこ ryoko f mid
響子 きょうこ kyoko f mid
祥子 しょうこ shoko f mid
千夏 ちなつ chinatsu f mid
夏美 なつみ natsumi f mid
絵美 えみ emi f mid
瞳 ひとみ hitomi f mid
麻美 あさみ asami f mid
千秋 ちあき chiaki f mid
綾乃 あやの ayano f mid
亜美 あみ ami f mid
麻衣 まい mai f mid
舞 まい mai f mid
美咲 みさき misaki f mid
愛 あい ai f mid
彩 あや aya f mid
千尋 ちひろ chihiro f mid
佳奈 かな kana f mid
里奈 りな rina f mid
春香 はるか haruka f mid
陽菜 ひな hina f young
結衣 ゆい yui f young
葵 あおい aoi f young
さくら さくら sakura f young
凛 りん rin f young
芽依 めい mei f young
結菜 ゆいな yuina f young
奈々 なな nana f young
紗希 さき saki f young
彩花 あやか ayaka f young
美月 みづき mizuki f young
杏 あん an f young
莉子 りこ riko f young
美羽 みう miu f young
心春 こはる koharu f young
紬 つむぎ tsumugi f young
澪 みお mio f young
琴音 ことね kotone f young
詩織 しおり shiori f young
遥 はるか haruka f young
菜々子 ななこ nanako f young
桃子 ももこ momoko f young
優花 ゆうか yuka f young
未来 みく miku f young
朱里 あかり akari f young
美優 みゆ miyu f young
萌 もえ moe f young
栞 しおり shiori f young
茜 あかね akane f young
""".strip()


def _parse_family(table: str) -> tuple[FamilyName, ...]:
    rows = []
    for line in table.splitlines():
        kanji, kana, romaji, weight = line.split()
        rows.append(FamilyName(kanji, kana, romaji, int(weight)))
    return tuple(rows)


def _parse_given(table: str) -> tuple[GivenName, ...]:
    rows = []
    for line in table.splitlines():
        kanji, kana, romaji, gender, era = line.split()
        if gender not in ("f", "m") or era not in ("old", "mid", "young"):
            raise ValueError(f"bad given-name row: {line!r}")
        rows.append(GivenName(kanji, kana, romaji, cast(Gender, gender), cast(Era, era)))
    return tuple(rows)


FAMILY_NAMES: tuple[FamilyName, ...] = _parse_family(_FAMILY_TABLE)
GIVEN_NAMES: tuple[GivenName, ...] = _parse_given(_GIVEN_TABLE)


def era_of_birth_year(year: int) -> Era:
    """The naming era a person born in `year` belongs to."""
    if year < 1970:
        return "old"
    if year < 1995:
        return "mid"
    return "young"


def given_names_for(gender: Gender, era: Era) -> tuple[GivenName, ...]:
    """Given names of one gender popular in one era, in table order (deterministic)."""
    return tuple(n for n in GIVEN_NAMES if n.gender == gender and n.era == era)
