using Jiedan.Reporting.Documents.Pdf;

namespace Jiedan.Reporting.Tests;

public class LineBreakerTests
{
    // Every character 10 units wide, so expected lines can be worked out by hand.
    private static float Monospace(string text) => text.EnumerateRunes().Count() * 10f;

    [Fact]
    public void English_breaks_at_spaces_and_never_inside_a_word_that_fits()
    {
        var lines = LineBreaker.Wrap("delivery gate passed today", 120, Monospace);

        Assert.Equal(["delivery", "gate passed", "today"], lines);
    }

    [Fact]
    public void Chinese_breaks_between_any_two_characters()
    {
        var lines = LineBreaker.Wrap("需求确认记录是合同的证据", 50, Monospace);

        Assert.Equal(["需求确认记", "录是合同的", "证据"], lines);
    }

    [Fact]
    public void Closing_punctuation_never_starts_a_line()
    {
        var lines = LineBreaker.Wrap("甲乙丙丁，戊己", 40, Monospace);

        Assert.Equal(["甲乙丙", "丁，戊己"], lines);
        Assert.DoesNotContain(lines, l => l.StartsWith('，'));
    }

    [Fact]
    public void A_word_wider_than_the_line_is_cut_into_pieces_that_fit()
    {
        var lines = LineBreaker.Wrap("sha256:0123456789abcdef", 80, Monospace);

        Assert.All(lines, l => Assert.True(Monospace(l) <= 80, $"'{l}' is wider than the line"));
        Assert.Equal("sha256:0123456789abcdef", string.Concat(lines));
    }

    [Fact]
    public void Mixed_text_keeps_latin_words_whole_and_hard_breaks()
    {
        var lines = LineBreaker.Wrap("覆盖率 coverage 82%\n阈值 80%", 100, Monospace);

        Assert.Equal(["覆盖率", "coverage", "82%", "阈值 80%"], lines);
    }

    [Theory]
    [InlineData(new float[] { 60, 300, 50 }, new float[] { 60, 80, 50 }, 400, new float[] { 60, 290, 50 })]
    [InlineData(new float[] { 100, 100 }, new float[] { 50, 50 }, 400, new float[] { 200, 200 })]
    [InlineData(new float[] { 50, 800, 600 }, new float[] { 50, 100, 100 }, 450, new float[] { 50, 228.57143f, 171.42857f })]
    public void Columns_that_fit_keep_their_width_and_long_ones_share_the_rest(float[] natural, float[] minimum, float total,
        float[] expected)
    {
        var widths = PdfTableWriter.Distribute(natural, minimum, total);

        Assert.Equal(total, widths.Sum(), 0.01);
        for (var c = 0; c < expected.Length; c++)
            Assert.Equal(expected[c], widths[c], 0.01);
    }

    [Fact]
    public void Minimum_widths_win_over_proportional_shares()
    {
        var widths = PdfTableWriter.Distribute([20, 1000, 400], [20, 100, 300], 450);

        Assert.Equal(450, widths.Sum(), 0.01);
        Assert.True(widths[2] >= 300 - 0.01, $"column 2 got {widths[2]}, below its widest word");
        Assert.Equal(20, widths[0], 0.01);
    }
}
