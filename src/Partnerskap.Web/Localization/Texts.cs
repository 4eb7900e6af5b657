using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Partnerskap.Web.Localization;

/// <summary>
/// UI texts. Bokmål is the source language: a page writes <c>@T["Medlemmer"]</c>, and English comes from
/// Localization/en.json (bokmål text → English). A missing English entry falls back to bokmål, and a test lists them.
/// </summary>
public sealed class Texts
{
    private readonly FrozenDictionary<string, string> _english;

    public Texts()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Localization", "en.json");
        _english = (JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? [])
            .ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string this[string bokmal] =>
        IsEnglish && _english.TryGetValue(bokmal, out var english) ? english : bokmal;

    /// <summary>Format with arguments after translation: <c>T.F("{0} medlemmer", 52)</c>.</summary>
    public string F(string bokmal, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, this[bokmal], args);

    public IReadOnlyCollection<string> EnglishKeys => _english.Keys;

    /// <summary>"nb" or "en", for &lt;html lang&gt;.</summary>
    public static string Language => IsEnglish ? "en" : "nb";
}
