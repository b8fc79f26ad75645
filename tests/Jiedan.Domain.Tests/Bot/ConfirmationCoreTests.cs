using Jiedan.Domain.Bot;

namespace Jiedan.Domain.Tests.Bot;

public class ConfirmationCoreTests
{
    private static readonly DateTime T0 = new(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);
    private readonly ConfirmationCore _core = new(new BotOptions { ConfirmationLifetime = TimeSpan.FromHours(48) });
    private int _updates;

    private InboundMessage Text(string text) =>
        new("telegram", (++_updates).ToString(System.Globalization.CultureInfo.InvariantCulture), InboundKind.Text, "42",
            new ChatUser("42", "Client"), T0, Text: text);

    private InboundMessage Press(ConfirmationButton button) =>
        new("telegram", (++_updates).ToString(System.Globalization.CultureInfo.InvariantCulture), InboundKind.ButtonPress, "42",
            new ChatUser("42", "Client"), T0,
            ButtonId: "cb" + _updates, ButtonData: button.Encode(), SourceMessageId: "900");

    private Confirmation Started()
    {
        var d = _core.Handle(Text("需求：\n1. 登录接口\n2. 订单接口\n预算 1 万元"), null, 101, T0);
        return d.Confirmation!;
    }

    [Fact]
    public void A_requirement_goes_draft_then_sent_with_buttons_per_item_and_for_the_whole()
    {
        var d = _core.Handle(Text("需求：\n1. 登录接口\n2. 订单接口\n预算 1 万元"), null, 101, T0);
        var c = d.Confirmation!;
        Assert.Equal((101L, 1, ConfirmationState.Sent, 2), (c.Id, c.Version, c.State, c.Items.Count));
        Assert.Equal([ConfirmationState.Draft, ConfirmationState.Sent], d.Transitions.Select(t => t.To));
        Assert.Equal("需求：\n1. 登录接口\n2. 订单接口\n预算 1 万元", d.Transitions[0].Snapshot);
        Assert.Equal("telegram:42 Client", d.Transitions[0].Actor);
        var send = Assert.IsType<SendText>(Assert.Single(d.Replies));
        Assert.Equal(d.Transitions[1].Snapshot, send.Text);
        Assert.Equal(3, send.Buttons.Count);
        Assert.Equal(new ConfirmationButton(101, 1, ButtonAction.Amend, 2), ConfirmationButton.TryDecode(send.Buttons[1][1].Data));
        Assert.Equal(T0.AddHours(48), c.ExpiresAtUtc);
    }

    [Fact]
    public void Other_messages_go_to_the_human_queue()
    {
        var d = _core.Handle(Text("你好"), null, 1, T0);
        Assert.True(d.ToHumanQueue);
        Assert.Null(d.Confirmation);
    }

    [Fact]
    public void Confirming_every_item_confirms_the_whole_and_keeps_the_text_confirmed()
    {
        var c = Started();
        var d1 = _core.Handle(Press(new(101, 1, ButtonAction.Confirm, 1)), c, 0, T0);
        Assert.Equal(ConfirmationState.Sent, d1.Confirmation!.State);
        var d2 = _core.Handle(Press(new(101, 1, ButtonAction.Confirm, 2)), d1.Confirmation, 0, T0);
        var done = d2.Confirmation!;
        Assert.Equal(ConfirmationState.Confirmed, done.State);
        var t = Assert.Single(d2.Transitions);
        Assert.Equal((ConfirmationState.Sent, ConfirmationState.Confirmed, "confirm item 2"), (t.From, t.To, t.Action));
        Assert.Contains("1. 登录接口 ✅", t.Snapshot);
        Assert.Contains("预算 Budget: ¥10,000.00 CNY", t.Snapshot);
        Assert.IsType<AnswerButton>(d2.Replies[0]);
        var edit = Assert.IsType<EditText>(d2.Replies[1]);
        Assert.Equal(("900", 0), (edit.MessageId, edit.Buttons.Count));
    }

    [Fact]
    public void Amend_then_new_text_sends_version_two_and_old_buttons_change_nothing()
    {
        var c = Started();
        var asked = _core.Handle(Press(new(101, 1, ButtonAction.Amend, 2)), c, 0, T0).Confirmation!;
        Assert.Equal((ConfirmationState.AmendRequested, 2), (asked.State, asked.AmendingItem));

        var amended = _core.Handle(Text("订单接口，支持分页。验收：每页 50 条"), asked, 0, T0);
        var v2 = amended.Confirmation!;
        Assert.Equal((2, ConfirmationState.Sent), (v2.Version, v2.State));
        Assert.Equal(new RequirementItem(2, "订单接口，支持分页", "每页 50 条"), v2.Items[1]);
        Assert.Equal("登录接口", v2.Items[0].Text);

        var late = _core.Handle(Press(new(101, 1, ButtonAction.Confirm, 0)), v2, 0, T0);
        Assert.Empty(late.Confirmations);
        Assert.Empty(late.Transitions);
        Assert.Contains("v1", Assert.IsType<AnswerButton>(Assert.Single(late.Replies)).Notice);
    }

    [Fact]
    public void Text_commands_work_where_there_are_no_buttons()
    {
        var c = Started();
        var d = _core.Handle(Text("修改 1：登录接口，支持短信验证码"), c, 0, T0);
        Assert.Equal((2, ConfirmationState.Sent), (d.Confirmation!.Version, d.Confirmation.State));
        Assert.Equal("登录接口，支持短信验证码", d.Confirmation.Items[0].Text);
        var confirmed = _core.Handle(Text("确认"), d.Confirmation, 0, T0);
        Assert.Equal(ConfirmationState.Confirmed, confirmed.Confirmation!.State);
    }

    [Fact]
    public void Past_its_lifetime_a_confirmation_expires_and_its_buttons_are_refused()
    {
        var c = Started();
        var d = _core.Handle(Press(new(101, 1, ButtonAction.Confirm, 0)), c, 0, T0.AddHours(49));
        var expired = Assert.Single(d.Confirmations);
        Assert.Equal(ConfirmationState.Expired, expired.State);
        Assert.Equal("expire", Assert.Single(d.Transitions).Action);
        Assert.IsType<AnswerButton>(Assert.Single(d.Replies));
    }

    [Fact]
    public void A_button_for_another_confirmation_or_garbage_is_answered_without_change()
    {
        var c = Started();
        Assert.Empty(_core.Handle(Press(new(999, 1, ButtonAction.Confirm, 0)), c, 0, T0).Confirmations);
        var garbage = Press(new(101, 1, ButtonAction.Confirm, 0)) with { ButtonData = "cf:x" };
        Assert.IsType<AnswerButton>(Assert.Single(_core.Handle(garbage, c, 0, T0).Replies));
    }

    [Theory]
    [InlineData("cf:1:2:c:3", 1L, 2, ButtonAction.Confirm, 3)]
    [InlineData("cf:9007199254740993:1:a:0", 9007199254740993L, 1, ButtonAction.Amend, 0)]
    public void Button_data_round_trips(string data, long id, int version, ButtonAction action, int item)
    {
        var b = ConfirmationButton.TryDecode(data)!;
        Assert.Equal(new ConfirmationButton(id, version, action, item), b);
        Assert.Equal(data, b.Encode());
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(b.Encode()) <= 64);
    }
}
