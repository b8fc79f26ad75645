using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Jiedan.Common.Web;

/// <summary>
/// UI strings in English and Chinese. Each capability keeps its own <c>texts.json</c> (embedded), shaped
/// <c>{ "key": { "en": "…", "zh": "…" } }</c>; the current UI culture picks the language. A missing key shows itself.
/// </summary>
public sealed class Texts
{
    private readonly Dictionary<string, (string En, string Zh)> _texts;

    /// <summary>The texts of every <c>texts.json</c> embedded in <paramref name="assemblies"/> (the host and its modules).</summary>
    public Texts(IEnumerable<Assembly> assemblies)
    {
        _texts = new(StringComparer.Ordinal);
        foreach (var assembly in assemblies.Distinct())
            Load(assembly);
    }

    private void Load(Assembly assembly)
    {
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith("texts.json", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var entries = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
                ?? throw new InvalidDataException($"{name}: empty texts file");
            foreach (var (key, byLanguage) in entries)
            {
                if (_texts.ContainsKey(key)) throw new InvalidDataException($"{name}: text key '{key}' is defined twice");
                _texts[key] = (byLanguage.GetValueOrDefault("en") ?? key, byLanguage.GetValueOrDefault("zh")
                    ?? byLanguage.GetValueOrDefault("en") ?? key);
            }
        }
    }

    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
    public static string Language => IsChinese ? "zh" : "en";

    public string this[string key] => _texts.TryGetValue(key, out var t) ? (IsChinese ? t.Zh : t.En) : key;

    public string Format(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, this[key], args);

    public IReadOnlyCollection<string> Keys => _texts.Keys;
    public bool HasBothLanguages(string key) => _texts.TryGetValue(key, out var t) && t.En.Length > 0 && t.Zh.Length > 0;
}
