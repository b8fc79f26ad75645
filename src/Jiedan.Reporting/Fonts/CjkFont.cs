using SkiaSharp;

namespace Jiedan.Reporting.Fonts;

/// <summary>
/// Finds and loads a font with Chinese glyphs. Loaded explicitly from a file because a bare SkiaSharp
/// default typeface has no CJK glyphs and draws tofu boxes.
/// </summary>
public static class CjkFont
{
    /// <summary>Environment variable naming a font file (.ttf, .otf or .ttc) to use instead of the known locations.</summary>
    public const string PathVariable = "JIEDAN_CJK_FONT";

    // Debian/Ubuntu (fonts-noto-cjk, fonts-droid-fallback, fonts-wqy-microhei), Fedora/Arch, macOS, Windows.
    private static readonly string[] KnownPaths =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
        "/System/Library/Fonts/PingFang.ttc",
        @"C:\Windows\Fonts\msyh.ttc",
    ];

    private static readonly Lazy<CjkTypefaces?> Loaded = new(Load);

    /// <summary>Path of the regular CJK font file, or null when none is installed.</summary>
    public static string? FindPath()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(configured))
            return File.Exists(configured) ? configured : null;
        return KnownPaths.FirstOrDefault(File.Exists);
    }

    /// <summary>The loaded faces, or null when no CJK font is installed.</summary>
    internal static CjkTypefaces? Typefaces => Loaded.Value;

    /// <summary>The loaded faces, or an exception that says how to install one.</summary>
    internal static CjkTypefaces Require() => Loaded.Value ?? throw new InvalidOperationException(
        $"No font with Chinese glyphs found. Install the Debian package fonts-noto-cjk or set {PathVariable} to a .ttf/.otf/.ttc file.");

    private static CjkTypefaces? Load()
    {
        var path = FindPath();
        if (path is null)
            return null;
        var regular = OpenSimplifiedChineseFace(path);
        if (regular is null)
            return null;
        var boldPath = BoldSibling(path);
        var bold = boldPath is null ? null : OpenSimplifiedChineseFace(boldPath);
        return new CjkTypefaces(path, regular, bold);
    }

    private static string? BoldSibling(string path)
    {
        var candidate = path.Replace("-Regular.", "-Bold.", StringComparison.Ordinal);
        return candidate != path && File.Exists(candidate) ? candidate : null;
    }

    // A collection (.ttc) holds one face per region; the Simplified Chinese face has the glyph shapes readers in China expect.
    private static SKTypeface? OpenSimplifiedChineseFace(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            FontBoxPatch.Apply(bytes);
            RadicalTwinPatch.Apply(bytes);
        }
        catch (ArgumentOutOfRangeException)
        {
            // Not laid out as expected (a truncated or unusual file): use it as it is.
            bytes = File.ReadAllBytes(path);
        }
        using var data = SKData.CreateCopy(bytes);
        SKTypeface? first = null;
        for (var index = 0; index < 16; index++)
        {
            var face = SKTypeface.FromData(data, index);
            if (face is null)
                break;
            if (face.FamilyName.EndsWith(" SC", StringComparison.Ordinal) || face.FamilyName.Contains("GB", StringComparison.Ordinal))
            {
                first?.Dispose();
                return face;
            }
            if (first is null)
                first = face;
            else
                face.Dispose();
        }
        return first;
    }
}

/// <summary>Regular and (when installed) bold faces of the CJK font; both cover Latin too.</summary>
internal sealed record CjkTypefaces(string Path, SKTypeface Regular, SKTypeface? BoldFace)
{
    public string FamilyName => Regular.FamilyName;

    public bool HasBold => BoldFace is not null;

    public SKTypeface Bold => BoldFace ?? Regular;
}
