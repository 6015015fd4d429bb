using CrossBorderConsumerCenter.Web.Data;

namespace CrossBorderConsumerCenter.UnitTests.Infrastructure;

public class SnakeCaseNamesTests
{
    [Theory]
    [InlineData("Id", "id")]
    [InlineData("CaseNumber", "case_number")]
    [InlineData("PK_DataProtectionKeys", "pk_data_protection_keys")]
    [InlineData("IX_Cases_ReceivedAt", "ix_cases_received_at")]
    [InlineData("FK_Evidence_Cases_CaseId", "fk_evidence_cases_case_id")]
    [InlineData("AspNetUsers", "asp_net_users")]
    [InlineData("HTMLBody", "html_body")]
    [InlineData("Iso3166Code", "iso3166_code")]
    [InlineData("already_snake", "already_snake")]
    [InlineData("", "")]
    public void ConvertsPascalCaseAndAcronymsToSnakeCase(string input, string expected) =>
        Assert.Equal(expected, SnakeCaseNames.ToSnakeCase(input));
}
