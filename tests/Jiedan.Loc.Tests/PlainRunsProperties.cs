using System.Text;
using CsCheck;
using Jiedan.Loc.Counting;

namespace Jiedan.Loc.Tests;

/// <summary>
/// The run counter works on 64-byte bit masks with carries between blocks; here it is compared with counting line by line,
/// over texts long enough to span many blocks, with every kind of whitespace, control bytes and UTF-8.
/// </summary>
public class PlainRunsProperties
{
    private static readonly string[] Pieces =
        ["a", "x = 1;", " ", "\t", "\n", "\r\n", "\v", "\f", "\u0001", "é", "中", "/", "`", "#", new string(' ', 70), new string('y', 90)];

    private static readonly Gen<byte[]> Text =
        Gen.OneOf(Pieces).Array[0, 60].Select(p => Encoding.UTF8.GetBytes(string.Concat(p)));

    private static readonly Gen<ByteSet> Openers =
        Gen.OneOf(new ByteSet("/"u8.ToArray()), new ByteSet("/`"u8.ToArray()), new ByteSet("/`#"u8.ToArray()),
            new ByteSet("/`#x"u8.ToArray()), new ByteSet("é"u8.ToArray()));

    [Fact]
    public void A_run_counts_as_counting_line_by_line_does()
    {
        Gen.Select(Text, Openers, Gen.Int[0, 1000]).Sample((text, openers, startPick) =>
        {
            var start = LineStartAtOrBefore(text, startPick);
            var expected = ByLines(text, start, openers);
            var known = PlainRuns.Count(text, start, openers, expected.Stop);
            if (known != expected) return false;
            return !openers.FitsCompares || PlainRuns.Count(text, start, openers, -1) == expected;
        }, iter: 20_000);
    }

    [Fact]
    public void A_text_without_openers_is_counted_to_its_end_with_a_last_line_that_lacks_its_newline()
    {
        var text = "a\n\n \t\nb\r\n  \n c"u8.ToArray();
        Assert.Equal(new PlainRun(6, 3, text.Length, text.Length, text.Length), PlainRuns.Count(text, 0, new ByteSet("/"u8.ToArray()), -1));
        var blankEnd = "a\n\t "u8.ToArray();
        Assert.Equal(new PlainRun(2, 1, 4, 4, 4), PlainRuns.Count(blankEnd, 0, new ByteSet("/"u8.ToArray()), -1));
    }

    private static int LineStartAtOrBefore(byte[] text, int pick)
    {
        if (text.Length == 0) return 0;
        var at = pick % (text.Length + 1);
        while (at > 0 && text[at - 1] != '\n') at--;
        return at == text.Length ? 0 : at;
    }

    private static PlainRun ByLines(byte[] text, int start, ByteSet openers)
    {
        var stop = start;
        while (stop < text.Length && Array.IndexOf(openers.Members, text[stop]) < 0) stop++;
        int lines = 0, nonBlank = 0, lineStart = start;
        for (var i = start; i < stop; i++)
        {
            if (text[i] != '\n') continue;
            lines++;
            if (HasVisible(text, lineStart, i)) nonBlank++;
            lineStart = i + 1;
        }
        if (stop == text.Length)
        {
            if (lineStart < text.Length)
            {
                lines++;
                if (HasVisible(text, lineStart, text.Length)) nonBlank++;
            }
            return new PlainRun(lines, nonBlank, text.Length, text.Length, text.Length);
        }
        var end = Array.IndexOf(text, (byte)'\n', stop);
        return new PlainRun(lines, nonBlank, stop, lineStart, end < 0 ? text.Length : end);
    }

    private static bool HasVisible(byte[] text, int from, int to)
    {
        for (var i = from; i < to; i++)
            if (text[i] is not ((byte)' ' or (byte)'\t' or (byte)'\n' or 0x0B or 0x0C or (byte)'\r')) return true;
        return false;
    }
}
