package com.example;

import dev.lake.annotations.Id;
import dev.lake.annotations.LakeTable;
import dev.lake.annotations.Naming;

@LakeTable(name = "shop.orders", naming = Naming.SNAKE_CASE)
public record Order(@Id long id, Double amount, Long amountCents, String band) {}
