using CrossBorderConsumerCenter.Web.Domain.Consultations;

namespace CrossBorderConsumerCenter.UnitTests.Consultations;

/// <summary>A slot's value on the page and in links: its start in Japan time as YYYY-MM-DDTHH:mm.</summary>
public class ConsultationSlotTests
{
    [Fact]
    public void AValueIsTheStartInJapanTime()
    {
        var slot = new ConsultationSlot(new DateOnly(2027, 1, 6), new TimeOnly(14, 0));
        Assert.Equal("2027-01-06T14:00", slot.Value);
        Assert.Equal(new DateTimeOffset(2027, 1, 6, 5, 0, 0, TimeSpan.Zero), slot.StartsAt.ToUniversalTime());
        Assert.Equal(slot.StartsAt.AddMinutes(30), slot.EndsAt(TimeSpan.FromMinutes(30)));
        Assert.Equal(slot, ConsultationSlot.At(new DateTimeOffset(2027, 1, 6, 5, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void AnEarlyMorningSlotIsOnItsJapaneseDayThoughInUtcItIsTheDayBefore()
    {
        var slot = ConsultationSlot.At(new DateTimeOffset(2027, 1, 5, 23, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2027, 1, 6), slot.Day);
        Assert.Equal(new TimeOnly(8, 0), slot.Start);
    }

    [Theory]
    [InlineData("2027-01-06T14:00", true)]
    [InlineData(" 2027-01-06T14:00 ", true)]
    [InlineData("2027-01-06T09:00", true)]
    [InlineData("2027-01-06T9:00", false)]
    [InlineData("2027-1-6T14:00", false)]
    [InlineData("2027-01-06 14:00", false)]
    [InlineData("2027-01-06T14:00:00", false)]
    [InlineData("2027-01-06T14:00+09:00", false)]
    [InlineData("2027-02-30T09:00", false)]
    [InlineData("2027-01-06T24:00", false)]
    [InlineData("tomorrow", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void OnlyAValueAsWrittenIsASlot(string? value, bool read)
    {
        Assert.Equal(read, ConsultationSlot.TryParse(value, out var slot));
        if (read)
        {
            Assert.Equal(value!.Trim(), slot.Value);
        }
    }
}
