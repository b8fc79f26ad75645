using System.Diagnostics;
using System.Text;
using Jiedan.Domain.Bot;
using Jiedan.Domain.Bot.WeCom;

namespace Jiedan.Domain.Tests.Bot;

public class WeComEnvelopeTests
{
    [Theory]
    [InlineData("<xml><ToUserName><![CDATA[ww1]]></ToUserName><Encrypt><![CDATA[QUJD+/==]]></Encrypt></xml>")]
    [InlineData("<xml><ToUserName>ww1</ToUserName><Encrypt>QUJD+/==</Encrypt><AgentID>1</AgentID></xml>")]
    public void EncryptedPart_CDataOrPlainText_ReturnsTheCiphertext(string xml) =>
        Assert.Equal("QUJD+/==", WeComEnvelope.EncryptedPart(xml));

    [Theory]
    [InlineData("<xml><ToUserName>x</ToUserName></xml>", "missing")]
    [InlineData("<xml><Encrypt>QUJD", "not closed")]
    [InlineData("<xml><Encrypt>QUJD</Encrypt><Encrypt>REVG</Encrypt></xml>", "more than one")]
    [InlineData("<xml><ToUserName><![CDATA[<Encrypt>QUJD</Encrypt>]]></ToUserName><Encrypt>REVG</Encrypt></xml>", "more than one")]
    [InlineData("<xml><Encrypt><![CDATA[QUJD</Encrypt></xml>", "CDATA not closed")]
    [InlineData("<xml><Encrypt></Encrypt></xml>", "empty")]
    [InlineData("<xml><Encrypt><![CDATA[]]></Encrypt></xml>", "empty")]
    [InlineData("<xml><Encrypt>QU&amp;JD</Encrypt></xml>", "not Base64")]
    [InlineData("<xml><Encrypt> QUJD </Encrypt></xml>", "not Base64")]
    public void EncryptedPart_AnythingUnusual_IsRefusedNamingTheProblem(string xml, string problem) =>
        Assert.Equal("Encrypt: " + problem, Assert.Throws<BotFormatException>(() => WeComEnvelope.EncryptedPart(xml)).Message);

    [Fact]
    public void EncryptedPart_OneMegabyteOfNesting_IsOneLinearScan()
    {
        var body = new StringBuilder().Insert(0, "<a>", 340_000).Append("<Encrypt>QUJD</Encrypt>").ToString();
        var clock = Stopwatch.StartNew();
        Assert.Equal("QUJD", WeComEnvelope.EncryptedPart(body));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }
}
