using Bogus;
using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.DataGeneration;

/// <summary>
/// Word and sentence banks for synthetic complaints: what consumers in Japan actually write to the center
/// (Japanese, some English), merchants as they appear abroad (Chinese, US, Taiwanese, Korean, Singaporean,
/// Hong Kong names and web shops aimed at Japan), and items by kind of trouble. Names come from Bogus's
/// Japanese locale where it has them; kana readings need our own pairs.
/// </summary>
internal static class SyntheticText
{
    public static readonly (string Kanji, string Kana)[] Surnames =
    [
        ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("田中", "タナカ"), ("伊藤", "イトウ"), ("渡辺", "ワタナベ"),
        ("山本", "ヤマモト"), ("中村", "ナカムラ"), ("小林", "コバヤシ"), ("加藤", "カトウ"), ("吉田", "ヨシダ"), ("山田", "ヤマダ"),
        ("佐々木", "ササキ"), ("山口", "ヤマグチ"), ("松本", "マツモト"), ("井上", "イノウエ"), ("木村", "キムラ"), ("林", "ハヤシ"),
        ("斎藤", "サイトウ"), ("清水", "シミズ"), ("山崎", "ヤマザキ"), ("森", "モリ"), ("池田", "イケダ"), ("橋本", "ハシモト"),
        ("阿部", "アベ"), ("石川", "イシカワ"), ("山下", "ヤマシタ"), ("中島", "ナカジマ"), ("石井", "イシイ"), ("小川", "オガワ"),
        ("前田", "マエダ"), ("岡田", "オカダ"), ("長谷川", "ハセガワ"), ("藤田", "フジタ"), ("後藤", "ゴトウ"), ("近藤", "コンドウ"),
        ("村上", "ムラカミ"), ("遠藤", "エンドウ"), ("青木", "アオキ"), ("坂本", "サカモト"), ("金城", "キンジョウ"), ("比嘉", "ヒガ"),
    ];

    public static readonly (string Kanji, string Kana)[] GivenNames =
    [
        ("翔太", "ショウタ"), ("大輔", "ダイスケ"), ("拓也", "タクヤ"), ("健太", "ケンタ"), ("直樹", "ナオキ"), ("誠", "マコト"),
        ("浩", "ヒロシ"), ("隆", "タカシ"), ("蓮", "レン"), ("悠真", "ユウマ"), ("陽翔", "ハルト"), ("湊", "ミナト"),
        ("美咲", "ミサキ"), ("陽子", "ヨウコ"), ("恵子", "ケイコ"), ("由美", "ユミ"), ("真由美", "マユミ"), ("愛", "アイ"),
        ("さくら", "サクラ"), ("結衣", "ユイ"), ("陽菜", "ヒナ"), ("葵", "アオイ"), ("凛", "リン"), ("優子", "ユウコ"),
        ("和子", "カズコ"), ("幸子", "サチコ"), ("明美", "アケミ"), ("花子", "ハナコ"), ("太郎", "タロウ"), ("一郎", "イチロウ"),
    ];

    public static readonly string[] MailDomains =
        ["gmail.com", "yahoo.co.jp", "icloud.com", "docomo.ne.jp", "ezweb.ne.jp", "softbank.ne.jp", "outlook.jp", "nifty.com", "ybb.ne.jp"];

    private static readonly string[] ChineseCities = ["深圳市", "广州市", "义乌市", "杭州市", "东莞市", "上海", "厦门市", "宁波市"];
    private static readonly string[] ChineseCityPinyin = ["Shenzhen", "Guangzhou", "Yiwu", "Hangzhou", "Dongguan", "Shanghai", "Xiamen", "Ningbo"];
    private static readonly string[] HanSyllables = ["华", "鑫", "优", "品", "达", "盛", "美", "佳", "易", "通", "创", "新", "宏", "泰", "恒", "瑞", "科", "源", "星", "汇"];
    private static readonly string[] Pinyin = ["Hua", "Xin", "You", "Pin", "Da", "Sheng", "Mei", "Jia", "Yi", "Tong", "Chuang", "Hong", "Tai", "Heng", "Rui", "Ke", "Yuan", "Xing", "Hui", "Long"];
    private static readonly string[] ChineseSuffixes = ["科技有限公司", "电子商务有限公司", "贸易有限公司", "服饰有限公司", "网络科技有限公司"];
    private static readonly string[] PinyinSuffixes = ["Technology Co., Ltd.", "E-Commerce Co., Ltd.", "Trading Co., Ltd.", "Apparel Co., Ltd."];
    private static readonly string[] TaiwanSuffixes = ["國際有限公司", "企業股份有限公司", "商行", "實業有限公司"];
    private static readonly string[] HanTraditional = ["華", "鑫", "優", "品", "達", "盛", "美", "佳", "易", "通", "創", "新", "宏", "泰", "恆", "瑞", "寶", "源", "星", "匯"];
    private static readonly string[] HangulSyllables = ["한", "미", "소", "리", "나", "다", "가", "현", "서", "진", "우", "성", "예", "지", "민", "하"];
    private static readonly string[] KoreanSuffixes = ["주식회사", "코리아", "샵", "몰"];
    private static readonly string[] Katakana = ["ラッキー", "ハッピー", "スマート", "プレミアム", "ファッション", "ビューティー", "スター", "ジャパン", "アウトレット", "セレクト", "グローバル", "ベスト"];
    private static readonly string[] KatakanaSuffixes = ["ショップ", "ストア", "マーケット", "公式店", "通販", "SALE"];
    private static readonly string[] ShopWords = ["Outlet", "Store", "Official", "Mall", "Boutique", "Direct", "Deals", "Shop", "Market", "Select"];
    private static readonly string[] ScamTlds = ["top", "shop", "store", "online", "xyz", "buzz", "com"];

    /// <summary>A merchant's name and web address as the consumer copies them from the site or the receipt.</summary>
    public static (string Name, string Website) Merchant(Faker f, string country)
    {
        switch (country)
        {
            case "CN":
                var city = f.Random.Int(0, ChineseCities.Length - 1);
                var (a, b) = (f.Random.Int(0, HanSyllables.Length - 1), f.Random.Int(0, HanSyllables.Length - 1));
                var domain = (Pinyin[a] + Pinyin[b]).ToLowerInvariant();
                return f.Random.Int(0, 2) switch
                {
                    0 => ($"{ChineseCities[city]}{HanSyllables[a]}{HanSyllables[b]}{f.PickRandom(ChineseSuffixes)}", $"https://www.{domain}-shop.com/"),
                    1 => ($"{ChineseCityPinyin[city]} {Pinyin[a]}{Pinyin[b].ToLowerInvariant()} {f.PickRandom(PinyinSuffixes)}", $"https://{domain}.{f.PickRandom(ScamTlds)}/"),
                    _ => ($"{f.PickRandom(Katakana)}{f.PickRandom(KatakanaSuffixes)}", $"https://{domain}-jp.{f.PickRandom(ScamTlds)}/"),
                };
            case "HK":
                var hk = f.Random.Int(0, HanTraditional.Length - 1);
                return f.Random.Bool()
                    ? ($"香港{HanTraditional[hk]}{f.PickRandom(HanTraditional)}貿易有限公司", $"https://www.{Pinyin[hk].ToLowerInvariant()}hk.com/")
                    : ($"{Pinyin[hk]} {f.PickRandom(ShopWords)} (HK) Limited", $"https://{Pinyin[hk].ToLowerInvariant()}-hk.{f.PickRandom(ScamTlds)}/");
            case "TW":
                var tw = f.Random.Int(0, HanTraditional.Length - 1);
                return f.Random.Bool(0.6f)
                    ? ($"台灣{HanTraditional[tw]}{f.PickRandom(HanTraditional)}{f.PickRandom(TaiwanSuffixes)}", $"https://www.{Pinyin[tw].ToLowerInvariant()}.com.tw/")
                    : ($"{Pinyin[tw]}{f.PickRandom(ShopWords)} Taiwan", $"https://shop.{Pinyin[tw].ToLowerInvariant()}.tw/");
            case "KR":
                var kr = f.PickRandom(HangulSyllables) + f.PickRandom(HangulSyllables);
                var krLatin = f.Lorem.Word() + f.Random.Int(1, 99);
                return f.Random.Bool(0.5f)
                    ? ($"{f.PickRandom(KoreanSuffixes)} {kr}{f.PickRandom(HangulSyllables)}", $"https://www.{krLatin}.co.kr/")
                    : ($"{kr} Korea {f.PickRandom(ShopWords)}", $"https://{krLatin}.kr/");
            case "SG":
                return ($"{f.Company.CompanyName(0)} {f.PickRandom(ShopWords)} Pte. Ltd.", $"https://www.{f.Internet.DomainWord()}.com.sg/");
            case "GB":
                return ($"{f.Company.CompanyName(0)} {f.PickRandom(ShopWords)} Ltd", $"https://www.{f.Internet.DomainWord()}.co.uk/");
            default:
                var name = f.Company.CompanyName();
                return f.Random.Bool(0.2f)
                    ? ($"{f.PickRandom(ShopWords)}{f.Random.Int(1, 999)} ({f.Internet.DomainWord()}.{f.PickRandom(ScamTlds)})", $"https://{f.Internet.DomainWord()}.{f.PickRandom(ScamTlds)}/")
                    : (name, $"https://www.{f.Internet.DomainWord()}.com/");
        }
    }

    private static readonly Dictionary<CaseCategory, string[]> ItemsJa = new()
    {
        [CaseCategory.NotDelivered] = ["スニーカー", "ワイヤレスイヤホン", "ダウンジャケット", "スマートウォッチ", "ハンドバッグ", "ゲーム機", "腕時計", "美容液セット"],
        [CaseCategory.DamagedOrDefective] = ["ロボット掃除機", "モバイルバッテリー", "電動歯ブラシ", "ドライヤー", "コーヒーメーカー", "スーツケース", "タブレット"],
        [CaseCategory.WrongItem] = ["ワンピース", "子ども用の靴", "スマートフォンケース", "カメラレンズ", "プリンターのインク"],
        [CaseCategory.ReturnOrRefundRefused] = ["コート", "ブーツ", "ソファカバー", "サングラス", "ヨガウェア"],
        [CaseCategory.CannotContactBusiness] = ["航空券", "ホテルの予約", "コンサートチケット", "オンライン講座", "家具"],
        [CaseCategory.ChargedMoreThanShown] = ["ホテルの宿泊", "レンタカー", "送料込みのセット商品", "航空券"],
        [CaseCategory.Counterfeit] = ["ブランドバッグ", "ブランドの財布", "高級腕時計", "スニーカー（限定モデル）", "香水"],
        [CaseCategory.SubscriptionOrUnauthorizedCharge] = ["動画配信サービス", "ダイエットサプリの定期購入", "アプリの月額会員", "VPNサービス"],
        [CaseCategory.SuspectedFraudSite] = ["ブランドのスニーカー", "家電（格安セール）", "キャンプ用品", "ゴルフクラブ"],
        [CaseCategory.Other] = ["オンラインゲームのアイテム", "語学留学の申込み", "ペット用品", "釣り具"],
    };

    private static readonly string[] ItemsEn = ["sneakers", "wireless earbuds", "a winter jacket", "a smartwatch", "a handbag", "a robot vacuum", "a flight ticket", "a hotel booking", "a subscription"];

    public static string Item(Faker f, CaseCategory category, bool english) =>
        english ? f.PickRandom(ItemsEn) : f.PickRandom(ItemsJa[category]);

    private static readonly Dictionary<CaseCategory, string> OpeningJa = new()
    {
        [CaseCategory.NotDelivered] = "{0}に{1}で{2}を注文し、代金を支払いましたが、{3}週間以上たっても商品が届きません。",
        [CaseCategory.DamagedOrDefective] = "{0}に{1}で購入した{2}が届きましたが、{3}日使っただけで電源が入らなくなりました。箱も潰れていました。",
        [CaseCategory.WrongItem] = "{0}に{1}で{2}を注文しましたが、届いたのは注文したものとは違う商品でした。{3}回問い合わせています。",
        [CaseCategory.ReturnOrRefundRefused] = "{0}に{1}で買った{2}のサイズが合わず、返品と返金をお願いしましたが、{3}日たっても応じてもらえません。",
        [CaseCategory.CannotContactBusiness] = "{0}に{1}で{2}を申し込みましたが、その後、事業者と連絡が取れなくなりました。{3}回メールを送りました。",
        [CaseCategory.ChargedMoreThanShown] = "{0}に{1}で{2}を予約しました。表示されていた金額より高い金額がクレジットカードに請求されています（差額は約{3}千円）。",
        [CaseCategory.Counterfeit] = "{0}に{1}で正規品と書かれていた{2}を購入しましたが、届いた商品は偽物のようです。ロゴの位置が違い、縫製も粗いです（{3}か所）。",
        [CaseCategory.SubscriptionOrUnauthorizedCharge] = "{0}に{1}で{2}のお試しに申し込んだところ、知らないうちに定期購入になっていて、{3}か月分が請求されています。",
        [CaseCategory.SuspectedFraudSite] = "{0}に{1}で見つけた通販サイトで{2}を注文し、銀行振込で支払いましたが、{3}日後にサイトが見られなくなりました。",
        [CaseCategory.Other] = "{0}に{1}で{2}について契約しましたが、説明と内容が違っていました。{3}回やり取りしています。",
    };

    private static readonly string[] MiddleJa =
    [
        "追跡番号を確認すると「配送中」のまま、もう何日も更新されていません。",
        "販売者にメールで問い合わせましたが、自動返信しか届きません。",
        "サイトに書かれていた電話番号は使われていないようです。",
        "注文確認のメールとクレジットカードの明細は保存してあります。",
        "チャットで問い合わせたところ「もう少し待ってください」と言われたまま、それきりです。",
        "返品するには海外への送料を自分で負担するように言われましたが、商品の代金より高くなります。",
        "カード会社にも相談しましたが、まず販売者と話し合うように言われました。",
        "同じサイトで被害にあったという書き込みをSNSで何件も見つけました。",
        "商品の写真とラベルの写真を撮ってあります。",
        "日本語のサイトだったので、海外の事業者だとは思いませんでした。",
        "注文した時には「送料無料・3日で発送」と書かれていました。",
        "問い合わせフォームから送っても、エラーになって送れないことがあります。",
        "家族へのプレゼントのつもりで、どうしても必要な日に間に合いませんでした。",
        "英語でのやり取りに自信がなく、どう伝えればよいか分かりません。",
        "事業者からは中国語の返信が来ましたが、内容がよく分かりません。",
        "プラットフォームの紛争解決の窓口にも申し立てをしましたが、期限が過ぎたと言われました。",
        "支払った金額は決して小さくなく、生活にも影響が出ています。",
        "高齢の母が注文したもので、私が代わりに問い合わせています。",
    ];

    private static readonly string[] ClosingJa =
    [
        "返金してもらえるよう、事業者に連絡していただけないでしょうか。",
        "どうすればよいか教えてください。",
        "商品を送ってもらうか、返金してほしいです。",
        "同じような被害が広がらないようにしてほしいと思います。",
        "できれば交換してもらいたいです。よろしくお願いいたします。",
    ];

    private static readonly string OpeningEn =
        "On {0} I ordered {2} through {1} and paid in full. After {3} weeks nothing has been resolved.";

    private static readonly string[] MiddleEn =
    [
        "The tracking number has shown \"in transit\" for weeks without any update.",
        "I emailed the seller several times but only received automated replies.",
        "The phone number on the website does not work.",
        "I have kept the order confirmation and my card statement.",
        "The seller asked me to pay the international shipping to return it, which costs more than the item.",
        "My card issuer told me to try to settle it with the seller first.",
        "I found several reviews from other buyers describing the same problem.",
    ];

    private static readonly string[] ClosingEn =
    [
        "I would like a full refund.",
        "Please help me contact the seller.",
        "I would like the item delivered or my money back.",
    ];

    /// <summary>
    /// What happened, at a realistic length: most consumers write a few hundred characters, some a long
    /// account (a log-normal length around <paramref name="target"/> characters, up to the form's limit).
    /// </summary>
    public static string WhatHappened(Faker f, CaseCategory category, string orderedOn, string platform, string item, bool english, int target)
    {
        var text = new System.Text.StringBuilder();
        text.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, english ? OpeningEn : OpeningJa[category], orderedOn, platform, item, f.Random.Int(2, 8));
        var middles = english ? MiddleEn : MiddleJa;
        while (text.Length < target)
        {
            text.Append(english ? " " : "").Append(f.PickRandom(middles));
        }

        text.Append(english ? " " : "").Append(f.PickRandom(english ? ClosingEn : ClosingJa));
        return text.Length <= ComplaintLimits.WhatHappened ? text.ToString() : text.ToString(0, ComplaintLimits.WhatHappened);
    }

    private static readonly string[] ResponsesJa =
    [
        "返信はありません。",
        "「確認します」と返信があったきり、連絡がありません。",
        "返品には応じるが、送料はこちら負担だと言われました。",
        "配送会社の責任なので対応できないと言われました。",
        "一部だけ返金すると言われましたが、まだ振り込まれていません。",
        "メールが宛先不明で戻ってきます。",
        "チャットで問い合わせても、同じ定型文が返ってくるだけです。",
    ];

    private static readonly string[] ResponsesEn =
    [
        "No reply.",
        "They said they would look into it and never wrote back.",
        "They refuse a refund unless I pay the return shipping.",
        "They blame the carrier.",
    ];

    public static string BusinessResponse(Faker f, bool english) => f.PickRandom(english ? ResponsesEn : ResponsesJa);

    private static readonly string[] NotesJa =
    [
        "事業者のサイトを確認。特定商取引法の表示なし。",
        "相談者に電話し、注文時の画面の写しを送ってもらうよう依頼。",
        "同じ事業者についての相談が他にも数件あり。",
        "カード会社へのチャージバックの手続きを案内済み。",
        "提携機関への転送に必要な情報はそろっている。",
    ];

    public static string Note(Faker f) => f.PickRandom(NotesJa);

    private static readonly string[] QuestionsJa =
    [
        "注文確認メールの写しを送っていただけますか。",
        "届いた商品の写真と、配送ラベルの写真をお送りください。",
        "カード会社の利用明細の該当部分をお送りください。",
    ];

    public static string Question(Faker f) => f.PickRandom(QuestionsJa);

    private static readonly string[] RepliesJa =
    [
        "写真を添付しました。よろしくお願いします。",
        "注文確認メールを転送しました。",
        "明細の写しを送ります。",
    ];

    public static string Reply(Faker f) => f.PickRandom(RepliesJa);
}
