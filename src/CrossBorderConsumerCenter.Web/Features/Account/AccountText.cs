namespace CrossBorderConsumerCenter.Web.Features.Account;

/// <summary>Marker for Resources/Features/Account/AccountText(.en).resx.</summary>
public sealed class AccountText;
