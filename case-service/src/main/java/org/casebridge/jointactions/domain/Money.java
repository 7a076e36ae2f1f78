package org.casebridge.jointactions.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount in an ISO 4217 currency, held exactly in the currency's minor unit (EUR 1250.50 is 125050).
 *
 * @param amountMinor the amount in minor units, not negative
 * @param currency    the ISO 4217 alphabetic code
 */
public record Money(long amountMinor, String currency) {

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(currency, "currency");
        minorUnit(currency);
        if (amountMinor < 0) {
            throw new JointActionRuleException("INVALID", "amount", "an amount may not be negative");
        }
    }

    /**
     * An amount given in major units, e.g. {@code 1250.50} EUR.
     *
     * @throws JointActionRuleException if the currency is not ISO 4217, the amount is negative or has more decimals
     *                                  than the currency has minor units
     */
    public static Money of(BigDecimal amount, String currency) {
        int digits = minorUnit(currency);
        if (amount.signum() < 0) {
            throw new JointActionRuleException("INVALID", "amount", "an amount may not be negative");
        }
        BigDecimal minor = amount.movePointRight(digits);
        if (minor.stripTrailingZeros().scale() > 0) {
            throw new JointActionRuleException("INVALID", "amount", currency + " has " + digits
                    + " decimal places; " + amount.toPlainString() + " has more");
        }
        try {
            return new Money(minor.longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new JointActionRuleException("INVALID", "amount", "the amount is too large");
        }
    }

    /** The amount in major units, with as many decimals as the currency has. */
    public BigDecimal amount() {
        return BigDecimal.valueOf(amountMinor, minorUnit(currency));
    }

    /** Decimal places of the currency's minor unit as ISO 4217 defines them (EUR 2, JPY 0, KWD 3). */
    public int minorUnit() {
        return minorUnit(currency);
    }

    /**
     * @throws JointActionRuleException if the code is not an ISO 4217 currency of money (gold and other units
     *                                  without a minor unit are not)
     */
    public static int minorUnit(String currency) {
        if (currency == null || !CODE.matcher(currency).matches()) {
            throw new JointActionRuleException("INVALID", "currency",
                    "must be an ISO 4217 currency code of three capital letters, e.g. EUR");
        }
        Currency known;
        try {
            known = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new JointActionRuleException("INVALID", "currency", currency + " is not an ISO 4217 currency");
        }
        int digits = known.getDefaultFractionDigits();
        if (digits < 0) {
            throw new JointActionRuleException("INVALID", "currency", currency + " is not a currency of money");
        }
        return digits;
    }
}
