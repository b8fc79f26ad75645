using Jiedan.Reporting.Fonts;
using SkiaSharp;

namespace Jiedan.Reporting.Tests;

public class FontTests
{
    [Fact]
    public void The_cjk_font_is_found_and_has_chinese_glyphs()
    {
        var path = CjkFont.FindPath();

        Assert.NotNull(path);
        using var typeface = SKTypeface.FromFile(path);
        Assert.NotNull(typeface);
        Assert.True(typeface.ContainsGlyphs("交付清单工作日"), $"{path} has no glyphs for Chinese text");
    }
}
