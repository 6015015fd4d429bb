using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Domain.Reference;

namespace CrossBorderConsumerCenter.Web.Domain.Counselors;

/// <summary>
/// A local consumer center (消費生活センター) whose counselors file cases for residents. Admins keep the list;
/// a counselor's account belongs to one center, and a counselor sees only the cases their center filed.
/// A center that stops working with us is made inactive, never deleted: its cases keep naming it.
/// </summary>
public sealed class ConsumerCenter
{
    public const int MaxNameLength = 100;

    private ConsumerCenter()
    {
    }

    public ConsumerCenter(string name, string prefectureCode, string phone, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        CreatedAt = now;
        IsActive = true;
        Update(name, prefectureCode, phone, isActive: true);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>ISO 3166-2 code of the prefecture, e.g. JP-13.</summary>
    public string PrefectureCode { get; private set; } = "";

    /// <summary>The number staff call the center on (e.g. about a resident without email).</summary>
    public string Phone { get; private set; } = "";

    /// <summary>Only active centers can be given to counselor accounts, and their counselors file and follow cases.</summary>
    public bool IsActive { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public void Update(string name, string prefectureCode, string phone, bool isActive)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            throw new ArgumentException($"A center's name is 1 to {MaxNameLength} characters.", nameof(name));
        }

        var normalizedPhone = PhoneNumbers.Normalize(phone);
        if (!PhoneNumbers.IsPlausible(normalizedPhone, PhoneNumbers.ConsumerMinDigits, PhoneNumbers.ConsumerMaxDigits))
        {
            throw new ArgumentException("A center's phone number is a Japanese number.", nameof(phone));
        }

        Name = name.Trim();
        PrefectureCode = Prefectures.Find(prefectureCode)?.Code ?? throw new ArgumentException("Unknown prefecture.", nameof(prefectureCode));
        Phone = normalizedPhone;
        IsActive = isActive;
    }
}
