using Jiedan.Domain.Bot.WeCom;

namespace Jiedan.Domain.Tests.Bot;

public class WeComTimestampTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static string Seconds(TimeSpan offset) =>
        (Now + offset).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(0, true)]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    [InlineData(-86_400 * 365, false)]
    public void IsFresh_WithinFiveMinutesEitherSide(int offsetSeconds, bool fresh) =>
        Assert.Equal(fresh, WeComTimestamp.IsFresh(Seconds(TimeSpan.FromSeconds(offsetSeconds)), Now, TimeSpan.FromMinutes(5)));

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1e9")]
    [InlineData(" 1764590400")]
    [InlineData("99999999999999999999999")]
    public void IsFresh_NotUnixSeconds_IsNotFresh(string timestamp) =>
        Assert.False(WeComTimestamp.IsFresh(timestamp, Now, TimeSpan.FromMinutes(5)));
}
