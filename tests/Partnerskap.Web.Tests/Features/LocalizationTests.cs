using System.Text.Json;
using System.Text.RegularExpressions;

namespace Partnerskap.Web.Tests.Features;

public partial class LocalizationTests
{
    private static string Root([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", "src", "Partnerskap.Web"));

    [Fact]
    public void Every_bokmal_text_on_the_pages_has_an_English_translation()
    {
        var english = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(Root(), "Localization", "en.json")))!;
        var used = Directory.EnumerateFiles(Path.Combine(Root(), "Features"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => TextKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(k => !english.ContainsKey(k)).Select(k => $"missing English for \"{k}\""));
    }

    [GeneratedRegex("""\b(?:T|t)(?:\.F\(|\[)"((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex TextKey();
}
