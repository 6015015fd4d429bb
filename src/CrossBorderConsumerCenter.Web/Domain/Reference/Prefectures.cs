using System.Collections.Frozen;

namespace CrossBorderConsumerCenter.Web.Domain.Reference;

/// <summary>A Japanese prefecture by its ISO 3166-2 code (JP-01 … JP-47, in JIS X 0401 order).</summary>
public sealed record Prefecture(string Code, string EnglishName, string JapaneseName)
{
    public string NameIn(string language) => Languages.IsJapanese(language) ? JapaneseName : EnglishName;
}

public static class Prefectures
{
    private static readonly Prefecture[] Table =
    [
        new("JP-01", "Hokkaido", "北海道"), new("JP-02", "Aomori", "青森県"), new("JP-03", "Iwate", "岩手県"),
        new("JP-04", "Miyagi", "宮城県"), new("JP-05", "Akita", "秋田県"), new("JP-06", "Yamagata", "山形県"),
        new("JP-07", "Fukushima", "福島県"), new("JP-08", "Ibaraki", "茨城県"), new("JP-09", "Tochigi", "栃木県"),
        new("JP-10", "Gunma", "群馬県"), new("JP-11", "Saitama", "埼玉県"), new("JP-12", "Chiba", "千葉県"),
        new("JP-13", "Tokyo", "東京都"), new("JP-14", "Kanagawa", "神奈川県"), new("JP-15", "Niigata", "新潟県"),
        new("JP-16", "Toyama", "富山県"), new("JP-17", "Ishikawa", "石川県"), new("JP-18", "Fukui", "福井県"),
        new("JP-19", "Yamanashi", "山梨県"), new("JP-20", "Nagano", "長野県"), new("JP-21", "Gifu", "岐阜県"),
        new("JP-22", "Shizuoka", "静岡県"), new("JP-23", "Aichi", "愛知県"), new("JP-24", "Mie", "三重県"),
        new("JP-25", "Shiga", "滋賀県"), new("JP-26", "Kyoto", "京都府"), new("JP-27", "Osaka", "大阪府"),
        new("JP-28", "Hyogo", "兵庫県"), new("JP-29", "Nara", "奈良県"), new("JP-30", "Wakayama", "和歌山県"),
        new("JP-31", "Tottori", "鳥取県"), new("JP-32", "Shimane", "島根県"), new("JP-33", "Okayama", "岡山県"),
        new("JP-34", "Hiroshima", "広島県"), new("JP-35", "Yamaguchi", "山口県"), new("JP-36", "Tokushima", "徳島県"),
        new("JP-37", "Kagawa", "香川県"), new("JP-38", "Ehime", "愛媛県"), new("JP-39", "Kochi", "高知県"),
        new("JP-40", "Fukuoka", "福岡県"), new("JP-41", "Saga", "佐賀県"), new("JP-42", "Nagasaki", "長崎県"),
        new("JP-43", "Kumamoto", "熊本県"), new("JP-44", "Oita", "大分県"), new("JP-45", "Miyazaki", "宮崎県"),
        new("JP-46", "Kagoshima", "鹿児島県"), new("JP-47", "Okinawa", "沖縄県"),
    ];

    private static readonly FrozenDictionary<string, Prefecture> ByCode = Table.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);

    /// <summary>North to south, the order every Japanese form uses.</summary>
    public static IReadOnlyList<Prefecture> All => Table;

    public static Prefecture? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var prefecture) ? prefecture : null;
}
