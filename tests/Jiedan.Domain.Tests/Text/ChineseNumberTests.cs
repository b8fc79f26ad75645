using Jiedan.Domain.Text;

namespace Jiedan.Domain.Tests.Text;

public class ChineseNumberTests
{
    [Theory]
    [InlineData("三", 3)]
    [InlineData("两", 2)]
    [InlineData("十", 10)]
    [InlineData("十五", 15)]
    [InlineData("二十", 20)]
    [InlineData("二十五", 25)]
    [InlineData("一百零五", 105)]
    [InlineData("三百五", 350)]
    [InlineData("两千", 2000)]
    [InlineData("一千五", 1500)]
    [InlineData("三千五百", 3500)]
    [InlineData("一万五", 15000)]
    [InlineData("一万五千", 15000)]
    [InlineData("一万零五百", 10500)]
    [InlineData("十万", 100000)]
    [InlineData("三十万", 300000)]
    [InlineData("半", 0.5)]
    [InlineData("零", 0)]
    [InlineData("〇", 0)]
    [InlineData("3千", 3000)]
    [InlineData("1.5万", 15000)]
    [InlineData("1万5", 15000)]
    [InlineData("2万", 20000)]
    [InlineData("5,000", 5000)]
    [InlineData("1,200.50", 1200.5)]
    [InlineData("５０００", 5000)]
    [InlineData("１２", 12)]
    [InlineData(" 8 ", 8)]
    [InlineData("两三万", 30000)]
    [InlineData("三四", 4)]
    public void Reads_what_clients_type(string text, double expected)
    {
        Assert.True(ChineseNumber.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("三三")]
    [InlineData("千千")]
    [InlineData("五k")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("3 3")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五")]
    public void Refuses_what_is_not_one_number(string text) => Assert.False(ChineseNumber.TryParse(text, out _));

    [Fact]
    public void Full_width_digits_become_ascii_and_other_characters_stay() =>
        Assert.Equal("09x两", new string("０９x两".Select(ChineseNumber.ToAscii).ToArray()));
}
