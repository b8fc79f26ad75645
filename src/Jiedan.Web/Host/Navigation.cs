namespace Jiedan.Web.Host;

/// <summary>The dashboard's top navigation: a text key and a path per capability. One line per capability.</summary>
public static class Navigation
{
    public static IReadOnlyList<(string TextKey, string Path)> Items { get; } =
    [
        ("nav.board", "/deals"),
        ("nav.analytics", "/pipeline"),
        ("nav.rates", "/rates"),
        ("nav.quote", "/quote"),
        ("nav.bot", "/bot"),
    ];
}
